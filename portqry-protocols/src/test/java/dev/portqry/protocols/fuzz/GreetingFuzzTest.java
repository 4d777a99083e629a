package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.fuzz.Seeds.Seed;
import dev.portqry.protocols.greeting.FtpResponder;
import dev.portqry.protocols.greeting.GreetingProtocol;
import dev.portqry.protocols.greeting.internal.ImapGreeting;
import dev.portqry.protocols.greeting.ImapResponder;
import dev.portqry.protocols.greeting.internal.NumericReply;
import dev.portqry.protocols.greeting.internal.Pop3Greeting;
import dev.portqry.protocols.greeting.Pop3Responder;
import dev.portqry.protocols.greeting.SmtpResponder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FTP, SMTP, POP3 and IMAP greetings under the fuzzer: the line decoders and each conversation over TCP. */
class GreetingFuzzTest {
    private static final List<Seed> NUMERIC = Seeds.golden("greeting", n -> n.startsWith("vsftpd") || n.startsWith("exim"));

    @Test
    void numericReplies() {
        FuzzReport r = DecoderFuzz.of("FTP/SMTP reply", NUMERIC).messages(in -> orIncomplete(NumericReply.decode(in, GreetingProtocol.FTP, 50)));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void pop3AndImapGreetings() {
        FuzzReport r = DecoderFuzz.of("POP3 greeting", Seeds.golden("greeting", n -> n.contains("pop3") || n.contains("imap")))
                .messages(in -> orIncomplete(Pop3Greeting.decode(in)));
        assertThat(r.inputs()).isPositive();
        r = DecoderFuzz.of("IMAP greeting", Seeds.golden("greeting", n -> n.contains("imap") || n.contains("pop3")))
                .messages(in -> orIncomplete(ImapGreeting.decode(in)));
        assertThat(r.inputs()).isPositive();
    }

    @Test
    void ftpOverTcp() {
        // The FTP conversation sends USER anonymous after the greeting: seeds are the greeting and the answer.
        List<Seed> seeds = List.of(
                Seeds.joined(Seeds.one("greeting", "vsftpd-greeting.bin"), Seeds.one("greeting", "vsftpd-user-anonymous.bin")),
                Seeds.joined(Seeds.one("greeting", "vsftpd-multiline-greeting.bin"), Seeds.one("greeting", "vsftpd-noanon-user-anonymous.bin")),
                Seeds.joined(Seeds.one("greeting", "vsftpd-multiline-greeting.bin"), Seeds.one("greeting", "vsftpd-denied-user-anonymous.bin")));
        FuzzReport r = DecoderFuzz.of("FTP over TCP", seeds).tcp(new FtpResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void smtpPop3ImapOverTcp() {
        assertThat(DecoderFuzz.of("SMTP over TCP", Seeds.golden("greeting", n -> n.startsWith("exim")))
                .tcp(new SmtpResponder()::open).typed()).isPositive();
        assertThat(DecoderFuzz.of("POP3 over TCP", Seeds.golden("greeting", n -> n.contains("pop3")))
                .tcp(new Pop3Responder()::open).typed()).isPositive();
        assertThat(DecoderFuzz.of("IMAP over TCP", Seeds.golden("greeting", n -> n.contains("imap")))
                .tcp(new ImapResponder()::open).typed()).isPositive();
    }

    /** The line decoders return null while the line is not complete (their documented contract): an outcome, not a bug. */
    private static Object orIncomplete(Object decoded) {
        return decoded == null ? "incomplete" : decoded;
    }
}
