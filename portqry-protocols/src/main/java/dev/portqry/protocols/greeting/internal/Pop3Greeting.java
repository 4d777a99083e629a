package dev.portqry.protocols.greeting.internal;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A POP3 server's greeting: one status line, {@code +OK text} or {@code -ERR text}
 * (RFC 1939 sections 3 and 4).
 *
 * @param ok true for {@code +OK}, false for {@code -ERR}
 * @param text what follows the status indicator, possibly empty; not null
 */
public record Pop3Greeting(boolean ok, String text) {

    /** Checks the text. */
    public Pop3Greeting {
        Objects.requireNonNull(text, "text");
    }

    /**
     * Decodes the greeting when its line has arrived.
     *
     * @param in the stream; the reader index moves past the line only when one is returned
     * @return the greeting, or null when the line is not complete yet
     * @throws ProtocolDecodeException when the line starts with neither {@code +OK} nor {@code -ERR}
     */
    public static Pop3Greeting decode(ByteBuf in) {
        String line = LineReader.readLine(in, "POP3");
        if (line == null) {
            return null;
        }
        if (hasIndicator(line, "+OK")) {
            return new Pop3Greeting(true, line.substring(3).strip());
        }
        if (hasIndicator(line, "-ERR")) {
            return new Pop3Greeting(false, line.substring(4).strip());
        }
        throw new ProtocolDecodeException("POP3", "not a status line: '" + NumericReply.abbreviate(line) + "'");
    }

    private static boolean hasIndicator(String line, String indicator) {
        // RFC 1939 section 3: the indicator is upper case and followed by a space or the line end.
        return line.startsWith(indicator) && (line.length() == indicator.length() || line.charAt(indicator.length()) == ' ');
    }

    /** @return the status indicator, {@code +OK} or {@code -ERR} */
    public String status() {
        return ok ? "+OK" : "-ERR";
    }

    /** @return the line as the server sends it, without the line end */
    public String line() {
        return text.isEmpty() ? status() : status() + " " + text;
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
        return "Pop3Greeting[" + line() + "]";
    }
}
