package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import org.junit.jupiter.api.Test;

/** The strict DER reader's caps: depth, integer size, lengths. */
class DerReaderTest {

    @Test
    void nestingDeeperThanTheCapIsRejected() {
        byte[] der = new byte[0];
        for (int i = 0; i < DerReader.MAX_DEPTH + 2; i++) {
            der = DerWriter.sequence(der);
        }
        DerReader r = DerReader.of(der);
        for (int i = 0; i < DerReader.MAX_DEPTH; i++) {
            r = r.enter(DerReader.SEQUENCE);
        }
        DerReader deepest = r;
        assertThatThrownBy(() -> deepest.enter(DerReader.SEQUENCE)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("nesting deeper");
    }

    @Test
    void integersRoundTripInMinimalForm() {
        for (long v : new long[] {0, 5, 127, 128, 255, 256, -1, -128, -129, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xffffffffL}) {
            assertThat(DerReader.of(DerWriter.integer(v)).readLong()).as("%d", v).isEqualTo(v);
        }
        assertThat(DerWriter.integer(128)).containsExactly(0x02, 0x02, 0x00, 0x80);
        assertThat(DerWriter.integer(-1)).containsExactly(0x02, 0x01, 0xff);
    }

    @Test
    void oversizedIntegersAreRejected() {
        byte[] sixOctets = {0x02, 0x06, 1, 2, 3, 4, 5, 6};
        assertThatThrownBy(() -> DerReader.of(sixOctets).readLong()).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> DerReader.of(DerWriter.integer(0xffffffffL)).readInt()).isInstanceOf(ProtocolDecodeException.class);
        byte[] empty = {0x02, 0x00};
        assertThatThrownBy(() -> DerReader.of(empty).readLong()).isInstanceOf(ProtocolDecodeException.class);
    }

    @Test
    void longFormLengthsAreRead() {
        byte[] content = new byte[300];
        byte[] der = DerWriter.tlv(DerReader.OCTET_STRING, content);
        assertThat(der).startsWith(0x04, 0x82, 0x01, 0x2c);
        assertThat(DerReader.of(der).readBytes(DerReader.OCTET_STRING)).hasSize(300);
    }

    @Test
    void badTimeIsADecodeError() {
        byte[] der = DerWriter.tlv(DerReader.GENERALIZED_TIME, "2026-01-01".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> DerReader.of(der).readTime()).isInstanceOf(ProtocolDecodeException.class);
    }
}
