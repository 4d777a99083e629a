package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.GoldenHex;
import dev.portqry.protocols.WireBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** The golden vectors under {@code golden/msrpc/}, by name, read with {@link GoldenHex}. */
public final class Golden {
    private Golden() {
    }

    /** @return the bytes of {@code golden/msrpc/<name>.hex} */
    public static byte[] hex(String name) {
        return GoldenHex.hex("msrpc/" + name + ".hex");
    }

    /** @return the vector wrapped in a heap buffer that needs no release */
    public static ByteBuf buf(String name) {
        return Unpooled.wrappedBuffer(hex(name));
    }

    /** @return the readable bytes of {@code b}, which is released */
    public static byte[] take(ByteBuf b) {
        return WireBytes.drain(b);
    }

    /** @return the bytes concatenated */
    public static byte[] concat(byte[]... parts) {
        return WireBytes.concat(parts);
    }
}
