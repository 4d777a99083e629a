package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.protocols.ldap.LdapResponder;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LDAP under the fuzzer: the message decoder, and the rootDSE conversation over TCP and CLDAP. */
class LdapFuzzTest {
    private static final LdapResponder LDAP = new LdapResponder();

    @Test
    void messages() {
        FuzzReport r = DecoderFuzz.of("LDAPMessage", Seeds.golden("ldap"))
                .messages(in -> LdapMessage.decode(BerReader.of(in, LdapMessage.PROTOCOL), 10_000));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void rootDseOverTcp() {
        FuzzReport r = DecoderFuzz.of("LDAP rootDSE", Seeds.golden("ldap", n -> n.startsWith("tcp") && !n.contains("request")))
                .echo(LdapFuzzTest::withQueryMessageId).tcp(LDAP::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void rootDseOverCldap() {
        FuzzReport r = DecoderFuzz.of("CLDAP rootDSE", Seeds.golden("ldap", n -> n.equals("udp389.bin")))
                .echo(LdapFuzzTest::withQueryMessageId).udp(LDAP::open);
        assertThat(r.typed()).isPositive();
    }

    private static final Map<byte[], List<LdapMessage>> DECODED = new IdentityHashMap<>();

    /** The seed's messages re-encoded with the query's messageID, as a server answers (RFC 4511 4.1.1.1). */
    static byte[] withQueryMessageId(byte[] query, byte[] seed) {
        int id = LdapMessage.decode(BerReader.of(Unpooled.wrappedBuffer(query), LdapMessage.PROTOCOL), 1).messageId();
        List<LdapMessage> messages;
        synchronized (DECODED) {
            messages = DECODED.computeIfAbsent(seed, LdapFuzzTest::decodeAll);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(m -> out.writeBytes(new LdapMessage(id, m.op()).toByteArray()));
        return out.toByteArray();
    }

    private static List<LdapMessage> decodeAll(byte[] seed) {
        BerReader r = BerReader.of(Unpooled.wrappedBuffer(seed), LdapMessage.PROTOCOL);
        List<LdapMessage> out = new ArrayList<>();
        while (r.hasRemaining()) {
            out.add(LdapMessage.decode(r, 10_000));
        }
        return out;
    }
}
