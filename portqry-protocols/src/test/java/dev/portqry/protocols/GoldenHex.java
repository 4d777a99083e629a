package dev.portqry.protocols;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads golden vectors stored as hex under {@code src/test/resources/golden/}: {@code #} lines
 * are comments, except {@code # query: HEX} which holds the query that was sent; whitespace
 * and {@code |} separators are ignored.
 */
public final class GoldenHex {
    private GoldenHex() {
    }

    /** @return the reply bytes of {@code golden/<path>} */
    public static byte[] reply(String path) {
        StringBuilder hex = new StringBuilder();
        for (String line : lines(path)) {
            int hash = line.indexOf('#');
            hex.append(hash < 0 ? line : line.substring(0, hash));
        }
        return HexFormat.of().parseHex(hex.toString().replaceAll("[\\s|]", ""));
    }

    /** @return the query bytes recorded in the {@code # query:} line of {@code golden/<path>} */
    public static byte[] query(String path) {
        for (String line : lines(path)) {
            if (line.startsWith("# query: ")) {
                return HexFormat.of().parseHex(line.substring("# query: ".length()).trim());
            }
        }
        throw new IllegalArgumentException(path + " records no query");
    }

    /** @return the reply of {@code golden/<path>} in an unpooled buffer */
    public static ByteBuf replyBuf(String path) {
        return Unpooled.wrappedBuffer(reply(path));
    }

    private static String[] lines(String path) {
        try (InputStream in = GoldenHex.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
