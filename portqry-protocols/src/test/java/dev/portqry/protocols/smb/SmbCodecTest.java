package dev.portqry.protocols.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.FakeContext;
import dev.portqry.protocols.smb.internal.Smb2NegotiateRequest;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SMB2 NEGOTIATE encoding and decoding against Samba's captured answers, and malformed variants. */
class SmbCodecTest {
    private static final byte[] RESPONSE_445 = GoldenVectors.hex("smb/negotiate-response-445.hex");

    /** The SMB2 message of the 445 vector, without its 4-byte transport header. */
    private static Smb2NegotiateResponse decode(byte[] framed) {
        ByteBuf b = Unpooled.wrappedBuffer(framed, 4, framed.length - 4);
        try {
            return Smb2NegotiateResponse.decode(b, 0);
        } finally {
            b.release();
        }
    }

    @Test
    void requestMatchesTheVectorSambaAnswered() {
        byte[] salt = new byte[32];
        for (int i = 0; i < 32; i++) {
            salt[i] = (byte) i;
        }
        ByteBuf out = Unpooled.buffer();
        new Smb2NegotiateRequest(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"), salt, 0).writeTo(out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        assertThat(bytes).isEqualTo(GoldenVectors.hex("smb/negotiate-request.hex"));
        assertThat(bytes).hasSize(4 + 174);
    }

    @Test
    void sambaNegotiateResponse() {
        Smb2NegotiateResponse r = decode(RESPONSE_445);
        assertThat(r.status().isSuccess()).isTrue();
        assertThat(r.dialect()).isEqualTo(SmbDialect.SMB_3_1_1);
        assertThat(r.signingEnabled()).isTrue();
        assertThat(r.signingRequired()).isTrue();
        assertThat(r.serverGuid().toString()).isEqualTo("00316364-0000-0000-0000-000000000000");
        assertThat(SmbCapabilities.names(r.capabilities())).containsExactly("DFS", "LEASING", "LARGE_MTU", "MULTI_CHANNEL");
        assertThat(r.maxReadSize()).isEqualTo(8 * 1024 * 1024);
        assertThat(r.systemTime().orElseThrow()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(r.bootTime()).isEmpty();
        assertThat(r.securityBufferLength()).isEqualTo(96);
        assertThat(r.contexts()).extracting(NegotiateContext::description)
                .containsExactly("preauth integrity: SHA-512, salt 32 bytes", "encryption: AES-128-GCM");
    }

    /** Feeds a captured exchange to a fresh conversation, releasing what it sends; returns the result. */
    private static SmbResult replay(int port, String golden) {
        Conversation c = new SmbResponder().open(FakeContext.of(Protocol.TCP, port));
        c.start().release();
        ByteBuf in = Unpooled.wrappedBuffer(GoldenVectors.hex(golden));
        try {
            for (int i = 0; i < 4; i++) {
                Step s = c.onReceive(in);
                if (s instanceof Step.Done done) {
                    assertThat(in.isReadable()).isFalse();
                    return (SmbResult) done.result();
                }
                assertThat(s).isInstanceOf(Step.Send.class);
                ((Step.Send) s).data().release();
            }
            throw new AssertionError("conversation did not finish");
        } finally {
            in.release();
        }
    }

    @Test
    void multiProtocolNegotiateIsWhatSambaAnswered() {
        Conversation c = new SmbResponder().open(FakeContext.of(Protocol.TCP, 445));
        ByteBuf first = c.start();
        byte[] bytes = new byte[first.readableBytes()];
        first.readBytes(bytes);
        first.release();
        assertThat(bytes).isEqualTo(GoldenVectors.hex("smb/multi-protocol-negotiate-request.hex"));
    }

    @Test
    void directTcpExchangeWithTheDc() {
        SmbResult r = replay(445, "smb/exchange-445.hex");
        assertThat(r.transport()).isEqualTo("direct TCP");
        assertThat(r.session()).isEmpty();
        assertThat(r.dialect()).contains(SmbDialect.SMB_3_1_1);
        assertThat(r.negotiate().orElseThrow().signingRequired()).isTrue();
        assertThat(r.negotiate().orElseThrow().contexts()).hasSize(2);
    }

    @Test
    void netbiosSessionThenNegotiateOn139() {
        Conversation c = new SmbResponder().open(FakeContext.of(Protocol.TCP, 139));
        ByteBuf first = c.start();
        assertThat(first.readableBytes()).isEqualTo(72);
        assertThat((int) first.getUnsignedByte(0)).isEqualTo(0x81);
        first.release();
        SmbResult r = replay(139, "smb/exchange-139.hex");
        assertThat(r.transport()).isEqualTo("NetBIOS session");
        assertThat(r.session().orElseThrow().accepted()).isTrue();
        assertThat(r.dialect()).contains(SmbDialect.SMB_3_1_1);
        assertThat(r.reportLines()).first().isEqualTo("SMB query response:");
        assertThat(r.reportLines()).contains("Signing: required", "Dialect: SMB 3.1.1 (0x0311)");
        assertThat(r.reportLines()).last().isEqualTo("==== End of SMB query response ====");
    }

    @Test
    void smb1OnlyServerAnswersInSmb1() {
        for (int port : new int[] {445, 139}) {
            SmbResult r = replay(port, "smb/smb1-only-exchange-" + port + ".hex");
            Smb1NegotiateResponse smb1 = r.smb1().orElseThrow();
            assertThat(smb1.dialect()).isEqualTo("NT LM 0.12");
            assertThat(smb1.signingRequired()).isFalse();
            assertThat(smb1.systemTime().orElseThrow()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(r.dialect()).isEmpty();
            assertThat(r.summary()).isEqualTo("SMB1 only");
            assertThat(r.reportLines()).contains("The server answered in SMB1: it does not speak SMB2 or later", "Dialect: NT LM 0.12");
        }
    }

    @Test
    void negativeSessionResponseIsAnAnswer() {
        Conversation c = new SmbResponder().open(FakeContext.of(Protocol.TCP, 139));
        c.start().release();
        ByteBuf in = Unpooled.wrappedBuffer(new byte[] {(byte) 0x83, 0, 0, 1, (byte) 0x82});
        try {
            SmbResult r = (SmbResult) ((Step.Done) c.onReceive(in)).result();
            assertThat(r.session().orElseThrow().detail()).isEqualTo("called name not present (0x82)");
            assertThat(r.negotiate()).isEmpty();
        } finally {
            in.release();
        }
    }

    @Test
    void everyTruncationWaitsForMore() {
        for (int n = 0; n < RESPONSE_445.length; n++) {
            Conversation c = new SmbResponder().open(FakeContext.of(Protocol.TCP, 445));
            c.start().release();
            ByteBuf in = Unpooled.wrappedBuffer(Arrays.copyOf(RESPONSE_445, n));
            try {
                assertThat(c.onReceive(in)).as("prefix %d", n).isSameAs(Step.needMore());
            } finally {
                in.release();
            }
        }
    }

    @Test
    void malformedResponsesAreDecodeErrors() {
        for (byte[] bad : new byte[][] {
            patch(RESPONSE_445, 4 + 12, 0x01),                 // command SESSION_SETUP, not NEGOTIATE
            patch(RESPONSE_445, 4 + 16, 0x00),                 // flags: not a response
            patch(RESPONSE_445, 4 + 24, 0x05),                 // MessageId 5, the request's was 0
            patch(RESPONSE_445, 4 + 64, 0x40),                 // StructureSize 64, not 65
            patch(RESPONSE_445, 4 + 64 + 58, 0xff),            // security buffer longer than the message
            patch(RESPONSE_445, 4 + 64 + 61, 0x10),            // negotiate context offset 0x10e0: past the end
            patch(RESPONSE_445, 4 + 64 + 6, 0x21),             // 33 negotiate contexts
            Arrays.copyOfRange(RESPONSE_445, 4, 4 + 100),      // truncated NEGOTIATE response body
        }) {
            assertThatThrownBy(() -> decode(bad.length == 100 ? frame(bad) : bad))
                    .isInstanceOf(ProtocolDecodeException.class).hasMessageStartingWith("SMB: ");
        }
    }

    @Test
    void malformedSmb1AnswersAreDecodeErrors() {
        byte[] frame = GoldenVectors.hex("smb/smb1-only-exchange-445.hex");
        byte[] smb1 = Arrays.copyOfRange(frame, 4, frame.length);
        for (byte[] bad : new byte[][] {
            patch(smb1, 4, 0x73),                              // SESSION_SETUP_ANDX, not NEGOTIATE
            patch(smb1, 32, 0xff),                             // WordCount 255 runs past the message
            Arrays.copyOf(smb1, 20),                           // shorter than the SMB1 header
        }) {
            ByteBuf b = Unpooled.wrappedBuffer(bad);
            try {
                assertThatThrownBy(() -> Smb1NegotiateResponse.decode(b)).isInstanceOf(ProtocolDecodeException.class);
            } finally {
                b.release();
            }
        }
    }

    @Test
    void transportHeaderIsChecked() {
        for (byte[] bad : new byte[][] {
            {0x05, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0},         // unknown transport type
            {0x00, 0x7f, (byte) 0xff, (byte) 0xff},          // 8 MB message: over the cap
            {0x00, 0, 0, 2, 0, 0},                           // shorter than any protocol id
        }) {
            Conversation c = new SmbResponder().open(FakeContext.of(Protocol.TCP, 445));
            c.start().release();
            ByteBuf in = Unpooled.wrappedBuffer(bad);
            try {
                assertThatThrownBy(() -> c.onReceive(in)).isInstanceOf(ProtocolDecodeException.class);
            } finally {
                in.release();
            }
        }
    }

    @Test
    void errorStatusIsReported() {
        byte[] error = Arrays.copyOf(RESPONSE_445, 4 + 64 + 9);
        error[3] = 64 + 9;
        error[2] = 0;
        error[4 + 8] = (byte) 0xbb;                          // STATUS_NOT_SUPPORTED 0xC00000BB, little-endian
        error[4 + 11] = (byte) 0xc0;
        error[4 + 64] = 9;                                   // error response StructureSize 9
        Smb2NegotiateResponse r = decode(error);
        assertThat(r.status().name()).isEqualTo("STATUS_NOT_SUPPORTED");
        assertThat(new SmbResult("direct TCP", java.util.Optional.empty(), java.util.Optional.of(r), java.util.Optional.empty()).dialect()).isEmpty();
    }

    @Test
    void valueTypesNeverThrow() {
        assertThat(SmbDialect.valueOf(0x0399).name()).isEqualTo("UNKNOWN(0x0399)");
        assertThat(NtStatus.valueOf(0x12345678).toString()).isEqualTo("0x12345678");
        assertThat(SmbCapabilities.names(0x100)).containsExactly("0x00000100");
        assertThat(Smb2NegotiateResponse.filetime(0)).isEmpty();
        assertThat(Smb2NegotiateResponse.filetime(116_444_736_000_000_000L)).contains(Instant.EPOCH);
    }

    private static byte[] patch(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }

    private static byte[] frame(byte[] smb) {
        byte[] f = new byte[4 + smb.length];
        System.arraycopy(smb, 0, f, 4, smb.length);
        return f;
    }
}
