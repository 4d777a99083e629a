package dev.portqry.protocols.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.protocols.ldap.internal.PartialAttribute;
import dev.portqry.protocols.ldap.internal.SearchRequest;
import dev.portqry.protocols.ldap.internal.SearchResultDone;
import dev.portqry.protocols.ldap.internal.SearchResultEntry;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message classes against bytes captured from Samba, and malformed variants of them. */
class LdapCodecTest {

    private static List<LdapMessage> decodeAll(byte[] bytes) {
        BerReader r = BerReader.of(Unpooled.wrappedBuffer(bytes), LdapMessage.PROTOCOL);
        List<LdapMessage> out = new ArrayList<>();
        while (r.hasRemaining()) {
            out.add(LdapMessage.decode(r, 10_000));
        }
        return out;
    }

    private static byte[] encodeAll(List<LdapMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(m -> out.writeBytes(m.toByteArray()));
        return out.toByteArray();
    }

    @Test
    void encodesTheRootDseSearchExactlyAsCaptured() {
        assertThat(new LdapMessage(LdapCaptures.TCP_ID, SearchRequest.rootDse(5)).toByteArray()).isEqualTo(GoldenVectors.raw("ldap/tcp389.request.bin"));
        assertThat(new LdapMessage(LdapCaptures.UDP_ID, SearchRequest.rootDse(5)).toByteArray()).isEqualTo(GoldenVectors.raw("ldap/udp389.request.bin"));
        LdapMessage decoded = decodeAll(GoldenVectors.raw("ldap/tcp389.request.bin")).get(0);
        assertThat(decoded).isEqualTo(new LdapMessage(LdapCaptures.TCP_ID, SearchRequest.rootDse(5)));
        assertThat(decoded.toString()).contains("SearchRequest[base=\"\"", "(objectClass=*)", "[*, +]");
    }

    @Test
    void decodesTheTcpReplyAndEncodesItBackByteForByte() {
        byte[] golden = GoldenVectors.raw("ldap/tcp389.bin");
        List<LdapMessage> messages = decodeAll(golden);
        assertThat(messages).extracting(LdapMessage::messageId).containsExactly(LdapCaptures.TCP_ID, LdapCaptures.TCP_ID);
        SearchResultEntry entry = (SearchResultEntry) messages.get(0).op();
        assertThat(entry.objectName()).isEmpty();
        assertThat(entry.attributes()).extracting(PartialAttribute::type)
                .contains("defaultNamingContext", "dnsHostName", "supportedControl", "namingContexts");
        assertThat(entry.attributes()).filteredOn(a -> a.type().equals("defaultNamingContext"))
                .singleElement().extracting(PartialAttribute::values).asList().containsExactly("DC=corp,DC=example,DC=test");
        assertThat(messages.get(1).op()).isEqualTo(new SearchResultDone(LdapResultCode.SUCCESS, "", "", List.of()));
        assertThat(encodeAll(messages)).isEqualTo(golden);
    }

    @Test
    void decodesBothMessagesOfTheCldapDatagram() {
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        List<LdapMessage> messages = decodeAll(golden);
        assertThat(messages).extracting(m -> m.op().getClass().getSimpleName())
                .containsExactly("SearchResultEntry", "SearchResultDone");
        assertThat(messages).extracting(LdapMessage::messageId).containsOnly(LdapCaptures.UDP_ID);
        assertThat(encodeAll(messages)).isEqualTo(golden);
    }

    @Test
    void decodesAFailedSearchAsAResultNotAnError() {
        LdapMessage m = decodeAll(GoldenVectors.raw("ldap/tcp389-needs-bind.bin")).get(0);
        SearchResultDone done = (SearchResultDone) m.op();
        assertThat(done.resultCode()).isEqualTo(LdapResultCode.OPERATIONS_ERROR);
        assertThat(done.diagnosticMessage()).isEqualTo("00002020: Operation unavailable without authentication");
        assertThat(done.toString()).contains("operationsError (1)");
    }

    @Test
    void everyTruncationOfTheDatagramIsADecodeError() {
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        int firstMessage = LdapCaptures.firstMessageLength(golden);
        for (int cut = 1; cut < firstMessage; cut++) {
            byte[] prefix = Arrays.copyOf(golden, cut);
            assertThatThrownBy(() -> decodeAll(prefix)).as("cut at %d", cut).isInstanceOf(ProtocolDecodeException.class);
        }
    }

    @Test
    void lengthPastTheEndIsADecodeError() {
        byte[] bad = GoldenVectors.raw("ldap/tcp389-needs-bind.bin");
        bad[bad.length - 0x37] = 0x7f; // the diagnosticMessage OCTET STRING's length (0x36) now runs past its SEQUENCE
        assertThatThrownBy(() -> decodeAll(bad)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("runs past the end");
    }

    @Test
    void declaredLengthOfTwoToThe31IsADecodeError() {
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        // Replace the outer header 30 82 07 de with 30 84 80 00 00 00.
        byte[] bad = new byte[golden.length + 2];
        System.arraycopy(new byte[] {0x30, (byte) 0x84, (byte) 0x80, 0, 0, 0}, 0, bad, 0, 6);
        System.arraycopy(golden, 4, bad, 6, golden.length - 4);
        assertThatThrownBy(() -> decodeAll(bad)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("2147483648");
    }

    @Test
    void nestingBeyondTheCapIsADecodeError() {
        // LDAPMessage { 1, SearchResultEntry { "", SEQUENCE { SEQUENCE { ... } } } }, deeper than the cap.
        BerWriter w = new BerWriter().startSequence().writeInteger(1).start(SearchResultEntry.TAG).writeUtf8("");
        int levels = BerLimits.DEFAULT_MAX_DEPTH + 8;
        for (int i = 0; i < levels; i++) {
            w.startSequence();
        }
        for (int i = 0; i < levels; i++) {
            w.end();
        }
        byte[] deep = w.end().end().toByteArray();
        assertThatThrownBy(() -> decodeAll(deep)).isInstanceOf(ProtocolDecodeException.class);
        // LDAP replies nest 5 levels (message, entry, attribute list, attribute, value set): a cap of 4 stops the golden one.
        BerReader shallow = BerReader.of(Unpooled.wrappedBuffer(GoldenVectors.raw("ldap/udp389.bin")), LdapMessage.PROTOCOL,
                BerLimits.DEFAULT.withMaxDepth(4));
        assertThatThrownBy(() -> LdapMessage.decode(shallow, 10_000)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("nesting deeper than 4");
    }

    @Test
    void wrongTagIsADecodeError() {
        byte[] bad = GoldenVectors.raw("ldap/udp389.bin");
        bad[0] = 0x31; // SET instead of SEQUENCE
        assertThatThrownBy(() -> decodeAll(bad)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("expected SEQUENCE");
        byte[] badOp = GoldenVectors.raw("ldap/tcp389-needs-bind.bin");
        badOp[5] = (byte) 0xa5; // [CONTEXT 5] where an APPLICATION protocolOp belongs
        assertThatThrownBy(() -> decodeAll(badOp)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("APPLICATION");
    }

    @Test
    void indefiniteLengthIsADecodeError() {
        byte[] golden = GoldenVectors.raw("ldap/tcp389-needs-bind.bin");
        byte[] bad = Arrays.copyOf(golden, golden.length + 2);
        bad[1] = (byte) 0x80; // 30 80 ... 00 00: the indefinite form RFC 4511 5.1 forbids
        assertThatThrownBy(() -> decodeAll(bad)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("indefinite");
    }

    @Test
    void tooManyValuesIsADecodeError() {
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        BerReader r = BerReader.of(Unpooled.wrappedBuffer(golden), LdapMessage.PROTOCOL);
        assertThatThrownBy(() -> LdapMessage.decode(r, 20)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("more than 20");
    }
}
