package dev.portqry.protocols.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** TFTP packets: golden replies of tftpd-hpa, the request this client sends, malformed variants. */
class TftpCodecTest {

    @Test
    void fileNotFound() {
        TftpError e = (TftpError) decode(GoldenVectors.raw("tftp/error-file-not-found.bin"));
        assertThat(e.code()).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
        assertThat(e.message()).isEqualTo("File not found");
        assertThat(GoldenVectors.encoded(e::encode)).isEqualTo(GoldenVectors.raw("tftp/error-file-not-found.bin"));
    }

    @Test
    void otherErrorsOfTftpdHpa() {
        TftpError mode = (TftpError) decode(GoldenVectors.raw("tftp/error-bad-mode.bin"));
        assertThat(mode.code()).isEqualTo(TftpErrorCode.ILLEGAL_OPERATION);
        assertThat(mode.message()).isEqualTo("Unknown mode");
        assertThat(((TftpError) decode(GoldenVectors.raw("tftp/one-zero-byte.bin"))).message()).isEqualTo("Missing mode");
        assertThat(((TftpError) decode(GoldenVectors.raw("tftp/error-write.bin"))).code().code()).isEqualTo(1);
    }

    @Test
    void dataBlock() {
        TftpData d = (TftpData) decode(GoldenVectors.raw("tftp/data-hello.bin"));
        assertThat(d.block()).isEqualTo(1);
        assertThat(new String(d.data(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hello from tftpd-hpa\n");
        assertThat(GoldenVectors.encoded(d::encode)).isEqualTo(GoldenVectors.raw("tftp/data-hello.bin"));
    }

    @Test
    void readRequestBytes() {
        TftpReadRequest rrq = new TftpReadRequest("portqry-probe-5f3a9c1e.txt", TftpReadRequest.OCTET);
        byte[] wire = GoldenVectors.encoded(rrq::encode);
        // 0001 = RRQ, the name, 00, "octet", 00 (RFC 1350 figure 5-1)
        assertThat(HexFormat.of().formatHex(wire)).isEqualTo("0001"
                + HexFormat.of().formatHex("portqry-probe-5f3a9c1e.txt".getBytes()) + "00" + "6f6374657400");
        assertThat(decode(wire)).isEqualTo(rrq);
    }

    @Test
    void unknownCodesAreValuesNotErrors() {
        assertThat(TftpOpcode.valueOf(99).name()).isEqualTo("UNKNOWN(99)");
        assertThat(TftpErrorCode.valueOf(42).meaning()).isEqualTo("unknown error 42");
        assertThat(((TftpError) decode(hex("0005002a6f6f707300"))).code().code()).isEqualTo(42);
    }

    @Test
    void malformed() {
        assertMalformed("", "has no opcode");
        assertMalformed("05", "has no opcode");
        assertMalformed("0005", "without error code");
        assertMalformed("000500", "without error code");
        assertMalformed("00050001", "not zero-terminated");
        assertMalformed("0005000141424344", "not zero-terminated");
        assertMalformed("000500014100ff", "bytes after the error message");
        assertMalformed("0003", "without block number");
        assertMalformed("0003" + "0001" + "00".repeat(513), "exceeds 512");
        assertMalformed("0004" + "0001", "unexpected opcode ACK");
        assertMalformed("0063", "unexpected opcode UNKNOWN(99)");
        assertMalformed("0005" + "0001" + "41".repeat(600) + "00", "not zero-terminated within 512");
    }

    /** Found by the fuzzer: a reflected RRQ whose file name has a space used to fail the record's own check (IllegalArgumentException). */
    @Test
    void readRequestWithAnUnprintableFileNameIsADecodeError() {
        assertMalformed("000146696c65206e6f742046696c65206e6f7420666f666f756e64f4290e0ff70005000146696c6520", "not printable ASCII");
        assertMalformed("0001" + "41".repeat(600) + "00" + "6f6374657400", "not zero-terminated within 512");
        assertMalformed("0001" + "00" + "6f6374657400", "empty");
    }

    private static void assertMalformed(String hex, String message) {
        assertThatThrownBy(() -> decode(hex(hex))).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining(message);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static TftpPacket decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return TftpPacket.decode(in);
        } finally {
            in.release();
        }
    }
}
