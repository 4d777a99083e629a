package dev.portqry.protocols;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads golden vectors stored under {@code src/test/resources/golden/}: raw binary files, or hex
 * files where {@code #} starts a comment (except {@code # query: HEX}, which records the query
 * that was sent) and whitespace and {@code |} separators are ignored.
 */
public final class GoldenHex {
    private static final String QUERY = "# query: ";

    private GoldenHex() {
    }

    /**
     * @param path relative to {@code golden/}, e.g. {@code kerberos/as-req.hex}
     * @return the file's raw bytes
     */
    public static byte[] raw(String path) {
        try (InputStream in = GoldenHex.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param path relative to {@code golden/}, a hex file
     * @return the decoded bytes, comments and separators left out
     */
    public static byte[] hex(String path) {
        StringBuilder hex = new StringBuilder();
        for (String line : lines(path)) {
            int hash = line.indexOf('#');
            hex.append(hash < 0 ? line : line.substring(0, hash));
        }
        return HexFormat.of().parseHex(hex.toString().replaceAll("[\\s|]", ""));
    }

    /** @return the reply bytes of the hex file {@code golden/<path>}; the same as {@link #hex(String)} */
    public static byte[] reply(String path) {
        return hex(path);
    }

    /** @return the query bytes recorded in the {@code # query:} line of {@code golden/<path>} */
    public static byte[] query(String path) {
        for (String line : lines(path)) {
            if (line.startsWith(QUERY)) {
                return HexFormat.of().parseHex(line.substring(QUERY.length()).trim());
            }
        }
        throw new IllegalArgumentException(path + " records no query");
    }

    /** @return the reply of {@code golden/<path>} in an unpooled buffer */
    public static ByteBuf replyBuf(String path) {
        return Unpooled.wrappedBuffer(reply(path));
    }

    /**
     * @param path a hex vector captured over TCP with a 4-byte length prefix (Kerberos, RFC 4120 7.2.2)
     * @return the bytes after the prefix
     */
    public static byte[] withoutLengthPrefix(String path) {
        byte[] framed = hex(path);
        return Arrays.copyOfRange(framed, 4, framed.length);
    }

    private static String[] lines(String path) {
        return new String(raw(path), StandardCharsets.UTF_8).split("\n");
    }
}
