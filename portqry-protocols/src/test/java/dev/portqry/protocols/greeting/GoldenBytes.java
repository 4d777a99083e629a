package dev.portqry.protocols.greeting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Golden vectors under {@code src/test/resources/golden/}: captured bytes of real servers. */
public final class GoldenBytes {
    private GoldenBytes() {
    }

    /**
     * @param path relative to {@code golden/}, e.g. {@code greeting/exim4-greeting.bin}
     * @return the file's bytes
     */
    public static byte[] read(String path) {
        try (InputStream in = GoldenBytes.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file's bytes in an unpooled buffer the caller releases */
    public static ByteBuf buffer(String path) {
        return Unpooled.wrappedBuffer(read(path));
    }

    /**
     * @param encoder writes a message into the buffer it is given
     * @return the bytes written
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
}
