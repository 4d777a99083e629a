package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.netbios.NetBiosResponder;
import dev.portqry.protocols.netbios.NodeStatusResult;
import org.junit.jupiter.api.Test;

/** NetBIOS node status (RFC 1002 4.2.18) under the fuzzer: the decoder, and the conversation over UDP. */
class NetBiosFuzzTest {
    @Test
    void messages() {
        FuzzReport r = DecoderFuzz.of("NetBIOS node status", Seeds.golden("netbios"))
                .messages(in -> NodeStatusResult.decode(in, 10_000));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("NetBIOS over UDP", Seeds.golden("netbios"))
                .echo(NetBiosFuzzTest::withQueryId).udp(new NetBiosResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /** The seed with the query's transaction ID (RFC 1002 4.2.1.1), as the name server answers. */
    static byte[] withQueryId(byte[] query, byte[] seed) {
        byte[] s = seed.clone();
        s[0] = query[0];
        s[1] = query[1];
        return s;
    }
}
