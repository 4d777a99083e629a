package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.snmp.SnmpResponder;
import dev.portqry.protocols.snmp.SnmpResult;
import org.junit.jupiter.api.Test;

/** SNMP v1/v2c GetResponse (RFC 3416) under the fuzzer: the decoder, and the conversation over UDP. */
class SnmpFuzzTest {
    @Test
    void messages() {
        FuzzReport r = DecoderFuzz.of("SNMP GetResponse", Seeds.golden("snmp")).messages(in -> SnmpResult.decode(in, 10_000));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("SNMP over UDP", Seeds.golden("snmp"))
                .echo(SnmpFuzzTest::answering).udp(new SnmpResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /**
     * The seed with the query's community and request-id (RFC 3416 section 4.2.1: the agent copies
     * both), the lengths around them re-encoded.
     */
    static byte[] answering(byte[] query, byte[] seed) {
        byte[] s = BerSplice.replace(seed, BerSplice.get(query, 0x30, 0x04), 0x30, 0x04);
        return BerSplice.replace(s, BerSplice.get(query, 0x30, -3, 0x02), 0x30, -3, 0x02);
    }
}
