package dev.portqry.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.GoldenHex;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rootDSE answer read from a reply captured from Samba, byte by byte and malformed. */
class LdapRootDseAnswerTest {
    private static final byte[] SAMBA = GoldenHex.hex("tls/ldap-rootdse-reply.hex");

    @Test
    void sambaAnswerIsRead() {
        LdapRootDseAnswer a = LdapRootDseAnswer.decode(SAMBA, SAMBA.length, 1 << 20).orElseThrow();
        assertThat(a.resultCode()).isZero();
        assertThat(a.resultName()).isEqualTo("success");
        assertThat(a.dnsHostName()).contains("dc1.corp.example.test");
        assertThat(a.defaultNamingContext()).contains("DC=corp,DC=example,DC=test");
    }

    @Test
    void everyPrefixMeansNeedMore() {
        for (int n = 0; n < SAMBA.length; n++) {
            assertThat(LdapRootDseAnswer.decode(SAMBA, n, 1 << 20)).as("prefix %d", n).isEmpty();
        }
    }

    @Test
    void requestIsOneWellFormedSearch() {
        byte[] req = LdapRootDseRequest.bytes();
        assertThat(BerCursor.elementSize(req, 0, req.length, 1000)).isEqualTo(req.length);
        BerCursor message = new BerCursor(req, 0, req.length).enter(0x30);
        assertThat(message.readInt(0x02)).isEqualTo(LdapRootDseRequest.MESSAGE_ID);
        BerCursor search = message.enter(0x63);
        assertThat(search.readString(0x04)).isEmpty();
        assertThat(message.hasMore()).isFalse();
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
            assertThatThrownBy(() -> LdapRootDseAnswer.decode(bad, bad.length, 1 << 20))
                    .isInstanceOf(ProtocolDecodeException.class).hasMessageStartingWith("LDAP: ");
        }
        byte[] huge = {0x30, (byte) 0x84, 0x7f, 0, 0, 0};
        assertThatThrownBy(() -> LdapRootDseAnswer.decode(huge, huge.length, 1 << 20)).isInstanceOf(ProtocolDecodeException.class);
    }

    @Test
    void noticeOfDisconnectionEndsTheAnswer() {
        // RFC 4511 4.4.1: ExtendedResponse, messageID 0, resultCode unavailable (52).
        byte[] notice = {0x30, 0x0c, 0x02, 0x01, 0x00, 0x78, 0x07, 0x0a, 0x01, 0x34, 0x04, 0x00, 0x04, 0x00};
        LdapRootDseAnswer a = LdapRootDseAnswer.decode(notice, notice.length, 1 << 20).orElseThrow();
        assertThat(a.resultName()).isEqualTo("unavailable");
        assertThat(a.dnsHostName()).isEqualTo(Optional.empty());
    }
}
