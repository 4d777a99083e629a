package dev.portqry.protocols.greeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.greeting.internal.LineReader;
import dev.portqry.protocols.greeting.internal.NumericReply;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SMTP and FTP numeric replies: golden bytes from exim4 and vsftpd, and malformed variants. */
class NumericReplyCodecTest {

    @Test
    void eximSingleLineGreeting() {
        NumericReply r = decodeAll("greeting/exim4-greeting.bin", GreetingProtocol.SMTP);
        assertThat(r.code()).isEqualTo(220);
        assertThat(r.lines()).singleElement().asString().startsWith("220 mail.corp.example.test ESMTP");
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void eximMultiLineGreeting() {
        NumericReply r = decodeAll("greeting/exim4-multiline-greeting.bin", GreetingProtocol.SMTP);
        assertThat(r.code()).isEqualTo(220);
        assertThat(r.lines()).containsExactly("220-mx.capture.test ESMTP portqry capture",
                "220-second line of a multi-line banner", "220 third line");
        assertThat(r.texts()).containsExactly("mx.capture.test ESMTP portqry capture",
                "second line of a multi-line banner", "third line");
    }

    @Test
    void vsftpdGreetingsAndAnonymousReplies() {
        assertThat(decodeAll("greeting/vsftpd-greeting.bin", GreetingProtocol.FTP).lines())
                .containsExactly("220 portqry testbed FTP service ready.");
        NumericReply multi = decodeAll("greeting/vsftpd-multiline-greeting.bin", GreetingProtocol.FTP);
        assertThat(multi.lines()).hasSize(4).last().isEqualTo("220 ");
        assertThat(decodeAll("greeting/vsftpd-user-anonymous.bin", GreetingProtocol.FTP).code()).isEqualTo(230);
        assertThat(decodeAll("greeting/vsftpd-noanon-user-anonymous.bin", GreetingProtocol.FTP).code()).isEqualTo(331);
        assertThat(decodeAll("greeting/vsftpd-denied-user-anonymous.bin", GreetingProtocol.FTP).code()).isEqualTo(530);
    }

    @Test
    void encodeGivesBackTheCapturedBytes() {
        byte[] golden = GoldenVectors.raw("greeting/exim4-multiline-greeting.bin");
        NumericReply r = decodeAll("greeting/exim4-multiline-greeting.bin", GreetingProtocol.SMTP);
        assertThat(GoldenVectors.encoded(r::encode)).isEqualTo(golden);
    }

    @Test
    void everyPrefixOfAMultiLineReplyIsIncompleteAndLeavesTheBufferAlone() {
        byte[] golden = GoldenVectors.raw("greeting/exim4-multiline-greeting.bin");
        for (int n = 0; n < golden.length; n++) {
            ByteBuf in = Unpooled.wrappedBuffer(Arrays.copyOf(golden, n));
            try {
                assertThat(NumericReply.decode(in, GreetingProtocol.SMTP, 50)).as("prefix %d", n).isNull();
                assertThat(in.readerIndex()).isZero();
            } finally {
                in.release();
            }
        }
    }

    @Test
    void ftpContinuationLinesMayHoldAnyText() {
        // RFC 959 section 4.2: "123-First line", free text lines, "123 The last line".
        NumericReply r = decode("220-Welcome\r\n  any text here\r\n220x not the end\r\n220 done\r\n", GreetingProtocol.FTP, 50);
        assertThat(r.lines()).containsExactly("220-Welcome", "  any text here", "220x not the end", "220 done");
    }

    @Test
    void smtpContinuationMustRepeatTheCode() {
        assertThatThrownBy(() -> decode("220-one\r\nfree text\r\n220 end\r\n", GreetingProtocol.SMTP, 50))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("continuation line without reply code 220");
        assertThatThrownBy(() -> decode("220-one\r\n250 other\r\n", GreetingProtocol.SMTP, 50))
                .isInstanceOf(ProtocolDecodeException.class);
    }

    @Test
    void bareCodeEndsAReply() {
        // RFC 5321 section 4.2: Reply-code [ SP textstring ] CRLF.
        NumericReply r = decode("220-hello\r\n220\r\n", GreetingProtocol.SMTP, 50);
        assertThat(r.lines()).containsExactly("220-hello", "220");
    }

    @Test
    void bareLineFeedIsAccepted() {
        assertThat(decode("220 lf only\n", GreetingProtocol.SMTP, 50).lines()).containsExactly("220 lf only");
    }

    @Test
    void lineCapTruncates() {
        NumericReply r = decode("220-a\r\n220-b\r\n220-c\r\n220-d\r\n", GreetingProtocol.SMTP, 3);
        assertThat(r.truncated()).isTrue();
        assertThat(r.lines()).containsExactly("220-a", "220-b", "220-c");
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> decode("SSH-2.0-OpenSSH_9.2\r\n", GreetingProtocol.SMTP, 50))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("not a reply line");
        assertThatThrownBy(() -> decode("999 too high\r\n", GreetingProtocol.FTP, 50)).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> decode("22\r\n", GreetingProtocol.FTP, 50)).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> decode("\r\n", GreetingProtocol.SMTP, 50)).isInstanceOf(ProtocolDecodeException.class);
    }

    @Test
    void binaryWithoutLineEndHitsTheLineCap() {
        byte[] junk = new byte[LineReader.MAX_LINE_BYTES + 1];
        Arrays.fill(junk, (byte) 0xff);
        ByteBuf in = Unpooled.wrappedBuffer(junk);
        try {
            assertThatThrownBy(() -> NumericReply.decode(in, GreetingProtocol.SMTP, 50))
                    .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("no line end within 4096 bytes");
        } finally {
            in.release();
        }
    }

    @Test
    void controlCharactersAreKeptRawAndEscapedInErrors() {
        // Typed results keep what the server sent; renderers escape it (SafeText).
        assertThat(decode("220 a\u0000b\u001bc\r\n", GreetingProtocol.SMTP, 50).lines()).containsExactly("220 a\u0000b\u001bc");
        assertThatThrownBy(() -> decode("\u001b]0;x\u0007\r\n", GreetingProtocol.SMTP, 50))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("'\\x1b]0;x\\x07'");
    }

    private static NumericReply decodeAll(String golden, GreetingProtocol p) {
        ByteBuf in = GoldenVectors.rawBuffer(golden);
        try {
            NumericReply r = NumericReply.decode(in, p, 50);
            assertThat(r).isNotNull();
            assertThat(in.isReadable()).as("whole vector consumed").isFalse();
            return r;
        } finally {
            in.release();
        }
    }

    private static NumericReply decode(String text, GreetingProtocol p, int maxLines) {
        ByteBuf in = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            return NumericReply.decode(in, p, maxLines);
        } finally {
            in.release();
        }
    }
}
