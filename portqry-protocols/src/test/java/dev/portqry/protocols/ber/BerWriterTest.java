package dev.portqry.protocols.ber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** BER encoding: minimal lengths and integers, nested TLVs, and round trips through the reader. */
class BerWriterTest {

    private static String hex(BerWriter w) {
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void writesMinimalIntegersAndBooleans() {
        assertThat(hex(new BerWriter().writeInteger(0))).isEqualTo("020100");
        assertThat(hex(new BerWriter().writeInteger(127))).isEqualTo("02017f");
        assertThat(hex(new BerWriter().writeInteger(128))).isEqualTo("02020080");
        assertThat(hex(new BerWriter().writeInteger(-129))).isEqualTo("0202ff7f");
        assertThat(hex(new BerWriter().writeBoolean(true))).isEqualTo("0101ff");
        assertThat(hex(new BerWriter().writeNull())).isEqualTo("0500");
    }

    @Test
    void writesNestedElementsWithLongFormLengths() {
        BerWriter w = new BerWriter().startSequence().start(BerTag.application(4, true))
                .writeOctetString(new byte[200]).end().end();
        byte[] out = w.toByteArray();
        // SEQUENCE (len 206 = 0x81 0xce) { [APPLICATION 4] (len 203) { OCTET STRING (len 200) } }
        assertThat(HexFormat.of().formatHex(out, 0, 9)).isEqualTo("3081ce" + "6481cb" + "0481c8");
        assertThat(out).hasSize(209);
    }

    @Test
    void writesOidsAndHighTagNumbers() {
        assertThat(hex(new BerWriter().writeOid("1.3.6.1.2.1.1.1.0"))).isEqualTo("06082b06010201010100");
        assertThat(hex(new BerWriter().writeOid("2.999.3"))).isEqualTo("0603883703");
        assertThat(hex(new BerWriter().writeInteger(BerTag.context(200, false), 1))).isEqualTo("9f814801" + "01");
        assertThatThrownBy(() -> new BerWriter().writeOid("1.40")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BerWriter().writeOid("3.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BerWriter().writeOid("1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BerWriter().writeOid("1.3.-6")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsThroughTheReader() {
        BigInteger big = BigInteger.TWO.pow(70).negate();
        BerWriter w = new BerWriter().startSet()
                .writeInteger(Long.MIN_VALUE).writeEnumerated(3).writeUtf8("déjà")
                .writeOid("1.2.840.113556.1.4.319").writeBigInteger(BerTag.application(6, false), big)
                .writeBoolean(BerTag.context(1, false), false).end();
        ByteBuf buf = w.toByteBuf(UnpooledByteBufAllocator.DEFAULT);
        try {
            BerReader set = BerReader.of(buf, "TEST").readSet();
            assertThat(set.readInteger()).isEqualTo(Long.MIN_VALUE);
            assertThat(set.readEnumerated()).isEqualTo(3);
            assertThat(set.readUtf8()).isEqualTo("déjà");
            assertThat(set.readOid()).isEqualTo("1.2.840.113556.1.4.319");
            assertThat(set.readBigInteger(BerTag.application(6, false))).isEqualTo(big);
            assertThat(set.readBoolean(BerTag.context(1, false))).isFalse();
            set.expectEnd("SET");
        } finally {
            buf.release();
        }
    }

    @Test
    void refusesUnbalancedOrMisusedTags() {
        assertThatThrownBy(() -> new BerWriter().startSequence().toByteArray()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new BerWriter().end()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new BerWriter().start(BerTag.INTEGER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BerWriter().writePrimitive(BerTag.SEQUENCE, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BerReader.of(Unpooled.wrappedBuffer(new BerWriter().writeContents(BerTag.SEQUENCE,
                new byte[] {5, 0}).toByteArray()), "TEST").readSequence().remaining()).isEqualTo(2);
    }
}
