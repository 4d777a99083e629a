package dev.portqry.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The one loader of golden vectors, the bytes captured from real servers under
 * {@code src/test/resources/golden/} of any module on the test class path: raw binary files,
 * or hex files where {@code #} starts a comment (except {@code # query: HEX}, which records the
 * query that was sent) and whitespace and {@code |} separators are ignored.
 */
public final class GoldenVectors {
    private static final String QUERY = "# query: ";

    private GoldenVectors() {
    }

    /**
     * @param path relative to {@code golden/}, e.g. {@code greeting/exim4-greeting.bin}
     * @return the file's bytes
     * @throws IllegalArgumentException when there is no such vector
     */
    public static byte[] raw(String path) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the raw bytes of {@code golden/<path>} in an unpooled buffer that needs no release */
    public static ByteBuf rawBuffer(String path) {
        return Unpooled.wrappedBuffer(raw(path));
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

    /** @return the bytes of the hex file {@code golden/<path>} in an unpooled buffer that needs no release */
    public static ByteBuf hexBuffer(String path) {
        return Unpooled.wrappedBuffer(hex(path));
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

    /**
     * @param path a hex vector captured over TCP with a 4-byte length prefix (Kerberos, RFC 4120 7.2.2)
     * @return the bytes after the prefix
     */
    public static byte[] withoutLengthPrefix(String path) {
        byte[] framed = hex(path);
        return Arrays.copyOfRange(framed, 4, framed.length);
    }

    /**
     * @param encoder writes a message into the buffer it is given
     * @return the bytes written, to compare with a vector
     */
    public static byte[] encoded(Consumer<ByteBuf> encoder) {
        ByteBuf out = Unpooled.buffer();
        try {
            encoder.accept(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static String[] lines(String path) {
        return new String(raw(path), StandardCharsets.UTF_8).split("\n");
    }
}
