package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads the golden vectors under {@code golden/msrpc/}. */
public final class Golden {
    private Golden() {
    }

    /** @return the bytes of {@code golden/msrpc/<name>.hex} */
    public static byte[] hex(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/msrpc/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + name);
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the vector wrapped in a heap buffer that needs no release */
    public static ByteBuf buf(String name) {
        return Unpooled.wrappedBuffer(hex(name));
    }

    /** @return the readable bytes of {@code b}, which is released */
    public static byte[] take(ByteBuf b) {
        try {
            return io.netty.buffer.ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    /** @return the bytes concatenated */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
