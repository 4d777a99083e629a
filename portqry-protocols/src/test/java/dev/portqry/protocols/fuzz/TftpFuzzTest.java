package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.tftp.TftpData;
import dev.portqry.protocols.tftp.TftpError;
import dev.portqry.protocols.tftp.TftpResponder;
import org.junit.jupiter.api.Test;

/** TFTP (RFC 1350) under the fuzzer: ERROR and DATA packets, and the read-request conversation over UDP. */
class TftpFuzzTest {
    @Test
    void errors() {
        FuzzReport r = DecoderFuzz.of("TFTP ERROR", Seeds.golden("tftp", n -> n.startsWith("error") || n.startsWith("one")))
                .messages(TftpError::decode);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void data() {
        FuzzReport r = DecoderFuzz.of("TFTP DATA", Seeds.golden("tftp", n -> n.startsWith("data"))).messages(TftpData::decode);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("TFTP over UDP", Seeds.golden("tftp")).udp(new TftpResponder()::open);
        assertThat(r.typed()).isPositive();
    }
}
