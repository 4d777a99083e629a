package dev.portqry.protocols.kerberos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads the hex golden vectors under {@code golden/kerberos}. */
final class Golden {
    private Golden() {
    }

    static byte[] hex(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/kerberos/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + name);
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the DER message after the 4-byte TCP length of a TCP vector */
    static byte[] tcpMessage(String name) {
        byte[] framed = hex(name);
        return java.util.Arrays.copyOfRange(framed, 4, framed.length);
    }
}
