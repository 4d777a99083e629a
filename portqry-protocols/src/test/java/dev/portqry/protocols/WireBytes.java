package dev.portqry.protocols;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/** Buffer plumbing and the malformed-input checks every decoder test runs. */
public final class WireBytes {
    private WireBytes() {
    }

    /** Runs {@code decoder} on {@code bytes} in a buffer that is released afterwards. */
    public static <T> T decode(byte[] bytes, Function<ByteBuf, T> decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return decoder.apply(buf);
        } finally {
            buf.release();
        }
    }

    /** @return the readable bytes of {@code buf}, which is released */
    public static byte[] drain(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Asserts that every prefix of {@code full} shorter than {@code upTo} fails with a decode error. */
    public static void assertEveryTruncationFails(byte[] full, int upTo, Function<ByteBuf, ?> decoder) {
        for (int n = 0; n < upTo; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> decode(cut, decoder)).as("cut at %d", n).isInstanceOf(ProtocolDecodeException.class);
        }
    }

    /**
     * Overwrites 1-{@code maxHits} random bytes of {@code full}, 5,000 times: the decoder must either
     * succeed or throw {@link ProtocolDecodeException}, never anything else.
     */
    public static void assertCorruptionOnlyRaisesDecodeErrors(byte[] full, long seed, int maxHits, Function<ByteBuf, ?> decoder) {
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            byte[] m = full.clone();
            for (int k = 0, hits = 1 + random.nextInt(maxHits); k < hits; k++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            try {
                decode(m, decoder);
            } catch (ProtocolDecodeException expected) {
                // corrupt input must fail this way and no other
            }
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
