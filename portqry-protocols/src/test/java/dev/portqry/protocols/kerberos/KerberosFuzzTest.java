package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.fuzz.BerSplice;
import dev.portqry.protocols.fuzz.DecoderFuzz;
import dev.portqry.protocols.fuzz.FuzzReport;
import dev.portqry.protocols.fuzz.Seeds;
import dev.portqry.protocols.kerberos.internal.AsReq;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

/**
 * Kerberos (RFC 4120) under the fuzzer: the reply decoder (KRB-ERROR, AS-REP), the AS-REQ
 * decoder, and the conversation over UDP and TCP (4-byte record length, RFC 4120 7.2.2). In this
 * package because the reply decoder is package-private.
 */
class KerberosFuzzTest {
    private static final String TARGET = "dc1.corp.example.test";

    @Test
    void replies() {
        FuzzReport r = DecoderFuzz.of("Kerberos reply", Seeds.golden("kerberos", n -> n.startsWith("udp")))
                .messages(in -> KerberosReply.decode(ByteBufUtil.getBytes(in)));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void requests() {
        FuzzReport r = DecoderFuzz.of("Kerberos AS-REQ", Seeds.golden("kerberos", n -> n.startsWith("as-req")))
                .messages(in -> AsReq.decode(ByteBufUtil.getBytes(in)));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("Kerberos over UDP", Seeds.golden("kerberos", n -> n.startsWith("udp"))).targetName(TARGET)
                .echo(KerberosFuzzTest::toOurClient).udp(new KerberosResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overTcp() {
        FuzzReport r = DecoderFuzz.of("Kerberos over TCP", Seeds.golden("kerberos", n -> n.startsWith("tcp"))).targetName(TARGET)
                .tcp(new KerberosResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /** The KRB-ERROR naming the AS-REQ's client (cname [8], RFC 4120 5.9.1), as a KDC echoes it. */
    static byte[] toOurClient(byte[] query, byte[] seed) {
        byte[] cname = BerSplice.get(query, 0x6a, 0x30, 0xa4, 0x30, 0xa1);
        if (cname == null) {
            return seed;
        }
        cname[0] = (byte) 0xa8;
        return BerSplice.replace(seed, cname, 0x7e, 0x30, 0xa8);
    }
}
