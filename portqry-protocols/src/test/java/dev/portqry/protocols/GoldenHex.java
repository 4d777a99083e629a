package dev.portqry.protocols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Reads golden vectors stored under {@code src/test/resources/golden/}. */
public final class GoldenHex {
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
     * @param path relative to {@code golden/}, a file of hex digits (whitespace ignored)
     * @return the decoded bytes
     */
    public static byte[] hex(String path) {
        return HexFormat.of().parseHex(new String(raw(path), StandardCharsets.US_ASCII).replaceAll("\\s", ""));
    }

    /**
     * @param path a hex vector captured over TCP with a 4-byte length prefix (Kerberos, RFC 4120 7.2.2)
     * @return the bytes after the prefix
     */
    public static byte[] withoutLengthPrefix(String path) {
        byte[] framed = hex(path);
        return Arrays.copyOfRange(framed, 4, framed.length);
    }
}
