package dev.portqry.protocols.ber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Strict BER decoding: well-formed elements, and every kind of malformed header or contents. */
class BerReaderTest {

    private static BerReader reader(String hex) {
        return BerReader.of(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)), "TEST");
    }

    private static BerReader reader(String hex, BerLimits limits) {
        return BerReader.of(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)), "TEST", limits);
    }

    @Test
    void readsUniversalTypes() {
        // SEQUENCE { INTEGER -129, BOOLEAN TRUE, OCTET STRING "hi", NULL, ENUMERATED 10, OID 1.3.6.1.2.1.1.1.0 }
        BerReader seq = reader("301a" + "0202ff7f" + "0101ff" + "04026869" + "0500" + "0a010a"
                + "06082b06010201010100").readSequence();
        assertThat(seq.readInteger()).isEqualTo(-129);
        assertThat(seq.readBoolean()).isTrue();
        assertThat(seq.readUtf8()).isEqualTo("hi");
        seq.readNull();
        assertThat(seq.readEnumerated()).isEqualTo(10);
        assertThat(seq.readOid()).isEqualTo("1.3.6.1.2.1.1.1.0");
        seq.expectEnd("test");
        assertThat(seq.depth()).isEqualTo(1);
    }

    @Test
    void readsContextAndApplicationTagsAndHighTagNumbers() {
        // [APPLICATION 3] { [7] "cn" }, then [CONTEXT 200] primitive (high-tag-number form: 1f 81 48)
        BerReader r = reader("6304" + "8702636e" + "9f814801" + "2a");
        BerReader app = r.readConstructed(BerTag.application(3, true));
        assertThat(app.readUtf8(BerTag.context(7, false))).isEqualTo("cn");
        assertThat(r.peekTag()).isEqualTo(BerTag.context(200, false));
        assertThat(r.readPrimitive(BerTag.context(200, false))).containsExactly(0x2a);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void readsLongFormLengthsAndBigIntegers() {
        // SNMP-style Counter64 [APPLICATION 6] of 9 octets: 2^64 - 1 with a leading zero octet.
        BerReader r = reader("46820009" + "00ffffffffffffffff");
        assertThat(r.readBigInteger(BerTag.application(6, false))).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    }

    @Test
    void decodesOidFirstArcsAboveTwo() {
        // X.690 8.19.5 example: 2.999.3 encodes as 88 37 03.
        assertThat(reader("0603883703").readOid()).isEqualTo("2.999.3");
    }

    @Test
    void skipsWhateverComesNext() {
        BerReader r = reader("3003020101" + "0101ff");
        assertThat(r.skip()).isEqualTo(BerTag.SEQUENCE);
        assertThat(r.readBoolean()).isTrue();
    }

    @Test
    void elementLengthSeparatesNeedMoreFromCorrupt() {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex("3082000501"));
        assertThat(BerReader.elementLength(buf, "TEST", BerLimits.DEFAULT)).isEqualTo(-1);
        assertThat(BerReader.elementLength(Unpooled.wrappedBuffer(new byte[] {0x30}), "TEST", BerLimits.DEFAULT)).isEqualTo(-1);
        assertThat(BerReader.elementLength(Unpooled.wrappedBuffer(HexFormat.of().parseHex("3003020101ff")), "TEST",
                BerLimits.DEFAULT)).isEqualTo(5);
        assertThatThrownBy(() -> BerReader.elementLength(Unpooled.wrappedBuffer(HexFormat.of().parseHex("3080")), "TEST",
                BerLimits.DEFAULT)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("indefinite");
        assertThatThrownBy(() -> BerReader.elementLength(Unpooled.wrappedBuffer(HexFormat.of().parseHex("308480000000")),
                "TEST", BerLimits.DEFAULT)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("2147483648");
    }

    @Test
    void rejectsTruncatedInput() {
        assertThatThrownBy(() -> reader("30").readSequence())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> reader("02").readInteger())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("truncated");
    }

    @Test
    void rejectsLengthPastTheEnd() {
        assertThatThrownBy(() -> reader("300502010").readSequence()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader("3005020101").readSequence())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("runs past the end");
        // The inner INTEGER claims 2 bytes but its SEQUENCE holds only 1 of them.
        assertThatThrownBy(() -> reader("3003020201ff").readSequence().readInteger())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("runs past the end");
    }

    @Test
    void rejectsHugeDeclaredLengths() {
        assertThatThrownBy(() -> reader("048480000000").readOctetString())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("exceeds the cap");
        assertThatThrownBy(() -> reader("04850000000001ff").readOctetString())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("length field of 5 octets");
        assertThatThrownBy(() -> reader("0481ff", new BerLimits(100, 8)).readOctetString())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("exceeds the cap of 100");
    }

    @Test
    void rejectsIndefiniteAndReservedLengths() {
        assertThatThrownBy(() -> reader("30800201010000").readSequence())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("indefinite length");
        assertThatThrownBy(() -> reader("30ff").readSequence())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("reserved");
    }

    @Test
    void rejectsNestingBeyondTheCap() {
        StringBuilder hex = new StringBuilder();
        int levels = 5;
        for (int i = 0; i < levels; i++) {
            hex.append("30").append(String.format("%02x", 2 * (levels - 1 - i)));
        }
        BerReader r = reader(hex.toString(), new BerLimits(1000, 4));
        assertThatThrownBy(() -> {
            BerReader cur = r;
            for (int i = 0; i < levels; i++) {
                cur = cur.readSequence();
            }
        }).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("nesting deeper than 4");
    }

    @Test
    void rejectsWrongTagsAndForms() {
        assertThatThrownBy(() -> reader("020101").readOctetString())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("expected OCTET STRING");
        // A constructed OCTET STRING (X.690 8.7.3) is not accepted where a primitive one is expected.
        assertThatThrownBy(() -> reader("2403040161").readOctetString())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("OCTET STRING (constructed)");
        assertThatThrownBy(() -> reader("1f1e00").skip())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("long form");
        assertThatThrownBy(() -> reader("1f800100").skip())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("non-minimal");
    }

    @Test
    void rejectsBadPrimitiveContents() {
        assertThatThrownBy(() -> reader("0200").readInteger()).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> reader("0209010000000000000000").readInteger()).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> reader("020500ffffffff").readInt())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("32 bits");
        assertThatThrownBy(() -> reader("01020000").readBoolean()).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> reader("050100").readNull()).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> reader("0401ff").readUtf8())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> reader("06022b86").readOid())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> reader("0603802b06").readOid())
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("0x80");
        assertThatThrownBy(() -> reader("0600").readOid()).isInstanceOf(ProtocolDecodeException.class);
    }

    @Test
    void rejectsTrailingBytesAndReadingPastTheEnd() {
        BerReader seq = reader("3004020101ff").readSequence();
        seq.readInteger();
        assertThatThrownBy(() -> seq.expectEnd("SEQUENCE"))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("1 unexpected bytes");
        BerReader empty = reader("3000").readSequence();
        assertThatThrownBy(empty::readInteger).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("element expected");
    }

    @Test
    void errorsNameTheProtocolAndTheOffset() {
        assertThatThrownBy(() -> reader("30030201").readSequence())
                .isInstanceOf(ProtocolDecodeException.class)
                .satisfies(e -> assertThat(((ProtocolDecodeException) e).protocol()).isEqualTo("TEST"));
        BerReader seq = reader("3005" + "020101" + "0400").readSequence();
        seq.readInteger();
        assertThatThrownBy(seq::readInteger).hasMessageContaining("offset 5");
    }
}
