package dev.portqry.examples.custom;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Redis server answered to {@code PING}: {@code +PONG}, or an error line such as
 * {@code -NOAUTH Authentication required.} (a password is set) or {@code -DENIED ...} (protected
 * mode refuses a non-loopback client). Either proves a Redis server listens.
 *
 * @param reply the reply line without its CRLF, type byte included, e.g. {@code +PONG}; not null
 */
public record RedisPingResult(String reply) implements ResponderResult {
    /** The protocol name used in decode errors. */
    public static final String PROTOCOL = "Redis";

    /** Checks that the line is a RESP simple string or error. */
    public RedisPingResult {
        Objects.requireNonNull(reply, "reply");
        if (!reply.startsWith("+") && !reply.startsWith("-")) {
            throw new IllegalArgumentException("reply must start with + or -, was " + reply);
        }
    }

    /**
     * Decodes one reply line (RESP: {@code +} simple string, {@code -} error; the first word of an
     * error is its code by convention).
     *
     * @param line the line without CRLF, not null
     * @return the result for {@code +PONG} or any error line
     * @throws ProtocolDecodeException for any other line: an empty line, another RESP type (a
     *         bulk string, an array, an integer) or a simple string other than {@code PONG}
     */
    public static RedisPingResult decode(String line) {
        ProtocolDecodeException.check(!line.isEmpty(), PROTOCOL, "empty reply line");
        char type = line.charAt(0);
        if (type == '-') {
            return new RedisPingResult(line);
        }
        ProtocolDecodeException.check(type == '+', PROTOCOL, "reply type 0x%s is not a simple string or error",
                HexFormat.of().toHexDigits((byte) type));
        String quoted = SafeText.escape(line);
        ProtocolDecodeException.check(line.equals("+PONG"), PROTOCOL, "PING answered %s, expected +PONG",
                quoted.length() > 64 ? quoted.substring(0, 64) + "..." : quoted);
        return new RedisPingResult(line);
    }

    /** @return whether the server answered {@code +PONG} */
    public boolean pong() {
        return reply.equals("+PONG");
    }

    /** @return the error text after {@code -}, e.g. {@code NOAUTH Authentication required.}; empty for PONG */
    public Optional<String> error() {
        return reply.startsWith("-") ? Optional.of(reply.substring(1)) : Optional.empty();
    }

    /** @return the error's first word, e.g. {@code NOAUTH}, {@code ERR}, {@code DENIED}; empty for PONG */
    public Optional<String> errorCode() {
        return error().map(e -> {
            int space = e.indexOf(' ');
            return space < 0 ? e : e.substring(0, space);
        });
    }

    /** @return whether the server wants a password first ({@code NOAUTH}) */
    public boolean authenticationRequired() {
        return errorCode().filter("NOAUTH"::equals).isPresent();
    }

    @Override
    public List<String> reportLines() {
        return List.of("Redis query response:",
                // The server's text: escaped (SafeText), as every renderer of wire text must.
                pong() ? "PONG" : "Error: " + SafeText.escape(error().orElse("")),
                "==== End of Redis query response ====");
    }

    @Override
    public String summary() {
        return pong() ? "PONG" : SafeText.escape(errorCode().orElse(""));
    }
}
