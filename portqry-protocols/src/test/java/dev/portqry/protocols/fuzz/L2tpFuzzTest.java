package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.l2tp.internal.L2tpControlMessage;
import dev.portqry.protocols.l2tp.L2tpResponder;
import org.junit.jupiter.api.Test;

/** L2TP control messages (RFC 2661) under the fuzzer: the decoder, and the SCCRQ conversation over UDP. */
class L2tpFuzzTest {
    @Test
    void messages() {
        FuzzReport r = DecoderFuzz.of("L2TP control message", Seeds.golden("l2tp")).messages(L2tpControlMessage::decode);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("L2TP over UDP", Seeds.golden("l2tp", n -> !n.startsWith("sccrq")))
                .echo(L2tpFuzzTest::toOurTunnel).udp(new L2tpResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /**
     * The seed addressed to the tunnel our SCCRQ assigned (its Assigned Tunnel ID AVP, RFC 2661
     * 4.4.3): the header's Tunnel ID (section 3.1) follows the Length field when the L bit is set.
     */
    static byte[] toOurTunnel(byte[] query, byte[] seed) {
        int tunnel = assignedTunnel(query);
        byte[] s = seed.clone();
        int at = (s[0] & 0x40) != 0 ? 4 : 2;
        if (tunnel >= 0 && s.length >= at + 2) {
            s[at] = (byte) (tunnel >> 8);
            s[at + 1] = (byte) tunnel;
        }
        return s;
    }

    private static int assignedTunnel(byte[] q) {
        for (int p = 12; p + 6 <= q.length; ) {
            int length = (q[p] & 0x03) << 8 | (q[p + 1] & 0xff);
            int vendor = (q[p + 2] & 0xff) << 8 | (q[p + 3] & 0xff);
            int type = (q[p + 4] & 0xff) << 8 | (q[p + 5] & 0xff);
            if (length < 6) {
                return -1;
            }
            if (vendor == 0 && type == 9 && length == 8) {
                return (q[p + 6] & 0xff) << 8 | (q[p + 7] & 0xff);
            }
            p += length;
        }
        return -1;
    }
}
