package dev.portqry.protocols.greeting.internal;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An IMAP server's greeting: one untagged line, {@code * OK}, {@code * PREAUTH} or
 * {@code * BYE}, with an optional response code in brackets such as
 * {@code [CAPABILITY IMAP4rev1 ...]} (RFC 9051 section 7.1 and the {@code greeting} rule of
 * section 9; RFC 3501 section 7.1).
 *
 * @param status {@code OK}, {@code PREAUTH} or {@code BYE}, upper case
 * @param responseCode the text between the brackets, if any
 * @param text the human-readable text after the response code, possibly empty; not null
 */
public record ImapGreeting(String status, Optional<String> responseCode, String text) {

    /** Checks the components. */
    public ImapGreeting {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(responseCode, "responseCode");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Decodes the greeting when its line has arrived.
     *
     * @param in the stream; the reader index moves past the line only when one is returned
     * @return the greeting, or null when the line is not complete yet
     * @throws ProtocolDecodeException when the line is not an untagged OK, PREAUTH or BYE
     */
    public static ImapGreeting decode(ByteBuf in) {
        String line = LineReader.readLine(in, "IMAP");
        if (line == null) {
            return null;
        }
        ProtocolDecodeException.check(line.startsWith("* "), "IMAP", "not an untagged response: '%s'",
                NumericReply.abbreviate(line));
        String rest = line.substring(2);
        int sp = rest.indexOf(' ');
        String word = (sp < 0 ? rest : rest.substring(0, sp)).toUpperCase(Locale.ROOT);
        ProtocolDecodeException.check(word.equals("OK") || word.equals("PREAUTH") || word.equals("BYE"), "IMAP",
                "greeting status must be OK, PREAUTH or BYE: '%s'", NumericReply.abbreviate(line));
        String after = sp < 0 ? "" : rest.substring(sp + 1);
        Optional<String> code = Optional.empty();
        if (after.startsWith("[")) {
            int close = after.indexOf(']');
            ProtocolDecodeException.check(close > 0, "IMAP", "response code without ']': '%s'",
                    NumericReply.abbreviate(line));
            code = Optional.of(after.substring(1, close));
            after = after.substring(close + 1);
        }
        return new ImapGreeting(word, code, after.strip());
    }

    /** @return true for {@code OK} and {@code PREAUTH}, the greetings of a server that serves */
    public boolean ok() {
        return !status.equals("BYE");
    }

    /** @return the line as the server sends it, without the line end */
    public String line() {
        StringBuilder b = new StringBuilder("* ").append(status);
        responseCode.ifPresent(c -> b.append(" [").append(c).append(']'));
        if (!text.isEmpty()) {
            b.append(' ').append(text);
        }
        return b.toString();
    }

    /**
     * Writes the greeting as a server sends it.
     *
     * @param out the buffer to write to, not null
     */
    public void encode(ByteBuf out) {
        out.writeCharSequence(line() + "\r\n", StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ImapGreeting[" + line() + "]";
    }
}
