package dev.portqry.protocols.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.dns.internal.DnsWireCodec;
import dev.portqry.protocols.fuzz.DecoderFuzz;
import dev.portqry.protocols.fuzz.FuzzReport;
import dev.portqry.protocols.fuzz.Seeds;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * DNS (RFC 1035) under the fuzzer: the message decoder, and the conversation over UDP and TCP
 * (two-byte length prefix, RFC 1035 4.2.2). In this package because the decoder is package-private.
 */
class DnsFuzzTest {
    private static final String NAME = "dc1.corp.example.test";

    @Test
    void messages() {
        FuzzReport r = DecoderFuzz.of("DNS message", Seeds.golden("dns", n -> n.endsWith("udp.hex")))
                .messages(in -> DnsWireCodec.decode(in, 10_000));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("DNS over UDP", Seeds.golden("dns", n -> n.endsWith("udp.hex"))).targetName(NAME)
                .echo((query, seed) -> answering(query, seed, 0)).udp(new DnsResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overTcp() {
        FuzzReport r = DecoderFuzz.of("DNS over TCP", Seeds.golden("dns", n -> n.endsWith("tcp.hex"))).targetName(NAME)
                .echo((query, seed) -> answering(query, seed, 2)).tcp(new DnsResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /**
     * The seed as the answer to the query: its ID and question section (RFC 1035 4.1.1, 4.1.2),
     * the rest of the seed after its own question, and the TCP length prefix recomputed.
     */
    static byte[] answering(byte[] query, byte[] seed, int prefix) {
        int h = prefix + 12;
        int queryEnd = questionEnd(query, h);
        int seedEnd = questionEnd(seed, h);
        boolean seedHasQuestion = seed.length >= h && ((seed[prefix + 4] & 0xff) << 8 | (seed[prefix + 5] & 0xff)) > 0;
        if (queryEnd < 0 || seedEnd < 0 || !seedHasQuestion) {
            byte[] s = seed.clone();
            if (s.length >= prefix + 2) {
                s[prefix] = query[prefix];
                s[prefix + 1] = query[prefix + 1];
            }
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = 12 + (queryEnd - h) + (seed.length - seedEnd);
        if (prefix == 2) {
            out.write(length >> 8);
            out.write(length);
        }
        out.write(query[prefix]);
        out.write(query[prefix + 1]);
        out.write(seed, prefix + 2, 10);
        out.write(query, h, queryEnd - h);
        out.write(seed, seedEnd, seed.length - seedEnd);
        return out.toByteArray();
    }

    /** @return where the first question (uncompressed name, type, class) that starts at {@code p} ends, or -1 */
    private static int questionEnd(byte[] m, int p) {
        while (p < m.length && m[p] != 0) {
            if ((m[p] & 0xc0) != 0) {
                return -1;
            }
            p += 1 + (m[p] & 0xff);
        }
        return p + 5 <= m.length ? p + 5 : -1;
    }
}
