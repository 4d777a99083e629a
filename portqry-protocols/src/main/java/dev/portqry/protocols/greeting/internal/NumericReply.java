package dev.portqry.protocols.greeting.internal;

import dev.portqry.core.SafeText;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.greeting.GreetingProtocol;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A numeric SMTP or FTP reply, one line ({@code 220 text}) or several ({@code 220-text} ...
 * {@code 220 text}). SMTP (RFC 5321 section 4.2.1) repeats the code with a hyphen on every
 * line but the last; FTP (RFC 959 section 4.2) lets the lines between the first and the last
 * hold any text.
 *
 * @param code the three-digit reply code, 100-599
 * @param lines the reply's lines as received, code included, without line ends; not empty
 * @param truncated true when the line cap cut a multi-line reply short
 */
public record NumericReply(int code, List<String> lines, boolean truncated) {

    /** Copies the lines and checks the code. */
    public NumericReply {
        lines = List.copyOf(lines);
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("code must be 100-599, was " + code);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty");
        }
    }

    /**
     * Decodes one reply when all of it has arrived.
     *
     * @param in the stream; the reader index moves past the reply only when one is returned
     * @param protocol {@link GreetingProtocol#SMTP} or {@link GreetingProtocol#FTP}, not null
     * @param maxLines the most lines kept; a longer reply is returned {@link #truncated()}
     * @return the reply, or null when it is not complete yet
     * @throws ProtocolDecodeException when a line is not a reply line
     */
    public static NumericReply decode(ByteBuf in, GreetingProtocol protocol, int maxLines) {
        Objects.requireNonNull(protocol, "protocol");
        String name = protocol.displayName();
        int start = in.readerIndex();
        String first = LineReader.readLine(in, name);
        if (first == null) {
            return null;
        }
        int code = codeOf(first);
        ProtocolDecodeException.check(code > 0, name, "not a reply line: '%s'", abbreviate(first));
        List<String> lines = new ArrayList<>();
        lines.add(first);
        if (!isContinued(first)) {
            return new NumericReply(code, lines, false);
        }
        while (true) {
            if (lines.size() >= maxLines) {
                return new NumericReply(code, lines, true);
            }
            String line = LineReader.readLine(in, name);
            if (line == null) {
                in.readerIndex(start);
                return null;
            }
            lines.add(line);
            if (codeOf(line) == code && !isContinued(line)) {
                return new NumericReply(code, lines, false);
            }
            if (protocol == GreetingProtocol.SMTP) {
                // RFC 5321 section 4.2.1: every line but the last is "code-text" with the same code.
                ProtocolDecodeException.check(codeOf(line) == code, name,
                        "continuation line without reply code %d: '%s'", code, abbreviate(line));
            }
        }
    }

    /** @return the text of the lines with their code prefixes removed */
    public List<String> texts() {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(codeOf(line) == code ? line.substring(Math.min(4, line.length())) : line);
        }
        return List.copyOf(out);
    }

    /**
     * Writes the reply as a server sends it, each line ended by CRLF.
     *
     * @param out the buffer to write to, not null
     */
    public void encode(ByteBuf out) {
        for (String line : lines) {
            out.writeCharSequence(line, StandardCharsets.UTF_8);
            out.writeByte('\r').writeByte('\n');
        }
    }

    @Override
    public String toString() {
        return "NumericReply[" + code + (truncated ? ", truncated" : "") + ": " + String.join(" | ", lines) + "]";
    }

    /** @return the reply code of a line that starts like a reply line, else -1 */
    public static int codeOf(String line) {
        if (line.length() < 3 || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            return -1;
        }
        char a = line.charAt(0);
        char b = line.charAt(1);
        char c = line.charAt(2);
        if (a < '1' || a > '5' || b < '0' || b > '9' || c < '0' || c > '9') {
            return -1;
        }
        return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    }

    private static boolean isContinued(String line) {
        return line.length() > 3 && line.charAt(3) == '-';
    }

    public static String abbreviate(String s) {
        // Error messages reach a terminal: the quote is escaped (lines are kept raw), then cut.
        String e = SafeText.escape(s);
        return e.length() <= 80 ? e : e.substring(0, 80) + "...";
    }
}
