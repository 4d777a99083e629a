package dev.portqry.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.protocols.ldap.internal.RootDseSearch;
import dev.portqry.protocols.ldap.internal.SearchRequest;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rootDSE search sent inside TLS, and its answer read from a reply captured from Samba, byte by byte and malformed. */
class LdapOverTlsTest {
    private static final byte[] SAMBA = GoldenVectors.hex("tls/ldap-rootdse-reply.hex");
    /** The request the LDAPS probe has always sent, one field a line (RFC 4511 4.5.1). */
    private static final String REQUEST = String.join("",
            "3048",                                        // LDAPMessage SEQUENCE, 72 bytes
            "020101",                                      //   messageID INTEGER 1
            "6343",                                        //   [APPLICATION 3] SearchRequest, 67 bytes
            "0400",                                        //     baseObject LDAPDN "" (the rootDSE)
            "0a0100",                                      //     scope ENUMERATED baseObject (0)
            "0a0100",                                      //     derefAliases ENUMERATED neverDerefAliases (0)
            "020100",                                      //     sizeLimit INTEGER 0 (none)
            "020100",                                      //     timeLimit INTEGER 0 (none)
            "010100",                                      //     typesOnly BOOLEAN FALSE
            "870b6f626a656374436c617373",                  //     filter present [7] "objectClass"
            "3023",                                        //     attributes SEQUENCE, 35 bytes
            "040b646e73486f73744e616d65",                  //       "dnsHostName"
            "041464656661756c744e616d696e67436f6e74657874"); //     "defaultNamingContext"

    private static RootDseSearch search() {
        return new RootDseSearch(TlsConversation.LDAP_MESSAGE_ID, TlsConversation.LDAP_QUERY,
                BerLimits.DEFAULT.withMaxLength(1 << 20), 1000);
    }

    private static Optional<RootDseResult> decode(byte[] plain, int length) {
        return WireBytes.decode(Arrays.copyOf(plain, length), search()::readStream);
    }

    @Test
    void sambaAnswerIsRead() {
        RootDseResult a = decode(SAMBA, SAMBA.length).orElseThrow();
        assertThat(a.resultCode().value()).isZero();
        assertThat(a.resultCode().name()).isEqualTo("success");
        assertThat(a.dnsHostName()).contains("dc1.corp.example.test");
        assertThat(a.defaultNamingContext()).contains("DC=corp,DC=example,DC=test");
    }

    @Test
    void everyPrefixMeansNeedMore() {
        for (int n = 0; n < SAMBA.length; n++) {
            assertThat(decode(SAMBA, n)).as("prefix %d", n).isEmpty();
        }
    }

    @Test
    void requestIsOneWellFormedSearch() {
        byte[] req = WireBytes.drain(search().start(UnpooledByteBufAllocator.DEFAULT));
        assertThat(req).isEqualTo(HexFormat.of().parseHex(REQUEST));
        assertThat(BerReader.elementLength(Unpooled.wrappedBuffer(req), "LDAP", BerLimits.DEFAULT)).isEqualTo(req.length);
        BerReader message = BerReader.of(Unpooled.wrappedBuffer(req), "LDAP").readSequence();
        assertThat(message.readInt()).isEqualTo(TlsConversation.LDAP_MESSAGE_ID);
        BerReader search = message.readConstructed(SearchRequest.TAG);
        assertThat(search.readUtf8()).isEmpty();
        assertThat(message.hasRemaining()).isFalse();
    }

    @Test
    void malformedAnswersAreDecodeErrors() {
        byte[] otherId = SAMBA.clone();
        otherId[4] = 7;                                   // messageID 7 instead of 1
        byte[] indefinite = SAMBA.clone();
        indefinite[1] = (byte) 0x80;                      // indefinite length: RFC 4511 5.1 forbids it
        byte[] innerTooLong = SAMBA.clone();
        innerTooLong[6] = 0x7f;                           // SearchResultEntry longer than its LDAPMessage
        byte[] oddOp = SAMBA.clone();
        oddOp[5] = 0x61;                                  // a BindResponse in answer to a search
        for (byte[] bad : new byte[][] {otherId, indefinite, innerTooLong, oddOp}) {
            assertThatThrownBy(() -> decode(bad, bad.length))
                    .isInstanceOf(ProtocolDecodeException.class).hasMessageStartingWith("LDAP: ");
        }
        byte[] huge = {0x30, (byte) 0x84, 0x7f, 0, 0, 0};
        assertThatThrownBy(() -> decode(huge, huge.length)).isInstanceOf(ProtocolDecodeException.class);
    }

    @Test
    void noticeOfDisconnectionEndsTheAnswer() {
        // RFC 4511 4.4.1: ExtendedResponse, messageID 0, resultCode unavailable (52).
        byte[] notice = {0x30, 0x0c, 0x02, 0x01, 0x00, 0x78, 0x07, 0x0a, 0x01, 0x34, 0x04, 0x00, 0x04, 0x00};
        RootDseResult a = decode(notice, notice.length).orElseThrow();
        assertThat(a.resultCode().name()).isEqualTo("unavailable");
        assertThat(a.dnsHostName()).isEqualTo(Optional.empty());
    }
}
