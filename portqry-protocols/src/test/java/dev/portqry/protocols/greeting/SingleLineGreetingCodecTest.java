package dev.portqry.protocols.greeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.greeting.internal.ImapGreeting;
import dev.portqry.protocols.greeting.internal.Pop3Greeting;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** POP3 and IMAP greetings: golden bytes from dovecot, and malformed variants. */
class SingleLineGreetingCodecTest {

    @Test
    void dovecotPop3() {
        ByteBuf in = GoldenVectors.rawBuffer("greeting/dovecot-pop3-greeting.bin");
        try {
            Pop3Greeting g = Pop3Greeting.decode(in);
            assertThat(g.ok()).isTrue();
            assertThat(g.text()).isEqualTo("portqry testbed dovecot ready.");
            assertThat(GoldenVectors.encoded(g::encode)).isEqualTo(GoldenVectors.raw("greeting/dovecot-pop3-greeting.bin"));
        } finally {
            in.release();
        }
    }

    @Test
    void dovecotImap() {
        ByteBuf in = GoldenVectors.rawBuffer("greeting/dovecot-imap-greeting.bin");
        try {
            ImapGreeting g = ImapGreeting.decode(in);
            assertThat(g.status()).isEqualTo("OK");
            assertThat(g.ok()).isTrue();
            assertThat(g.responseCode()).hasValueSatisfying(c -> assertThat(c).startsWith("CAPABILITY IMAP4rev1"));
            assertThat(g.text()).isEqualTo("portqry testbed dovecot ready.");
            assertThat(GoldenVectors.encoded(g::encode)).isEqualTo(GoldenVectors.raw("greeting/dovecot-imap-greeting.bin"));
        } finally {
            in.release();
        }
    }

    @Test
    void otherStatuses() {
        assertThat(pop3("-ERR go away\r\n").ok()).isFalse();
        assertThat(pop3("+OK\r\n").text()).isEmpty();
        assertThat(imap("* PREAUTH welcome back\r\n").status()).isEqualTo("PREAUTH");
        ImapGreeting bye = imap("* bye [ALERT] shutting down\r\n");
        assertThat(bye.status()).isEqualTo("BYE");
        assertThat(bye.ok()).isFalse();
        assertThat(bye.responseCode()).contains("ALERT");
    }

    @Test
    void incompleteLineIsNotAnError() {
        ByteBuf in = Unpooled.copiedBuffer("+OK still typ", StandardCharsets.US_ASCII);
        try {
            assertThat(Pop3Greeting.decode(in)).isNull();
            assertThat(ImapGreeting.decode(in)).isNull();
            assertThat(in.readerIndex()).isZero();
        } finally {
            in.release();
        }
    }

    @Test
    void malformed() {
        assertThatThrownBy(() -> pop3("+OKAY\r\n")).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> pop3("220 smtp here\r\n")).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("not a status line");
        assertThatThrownBy(() -> imap("a1 OK tagged\r\n")).isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> imap("* NO no greeting\r\n")).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("OK, PREAUTH or BYE");
        assertThatThrownBy(() -> imap("* OK [CAPABILITY IMAP4rev1 unterminated\r\n"))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("without ']'");
    }

    private static Pop3Greeting pop3(String text) {
        ByteBuf in = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            return Pop3Greeting.decode(in);
        } finally {
            in.release();
        }
    }

    private static ImapGreeting imap(String text) {
        ByteBuf in = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            return ImapGreeting.decode(in);
        } finally {
            in.release();
        }
    }
}
