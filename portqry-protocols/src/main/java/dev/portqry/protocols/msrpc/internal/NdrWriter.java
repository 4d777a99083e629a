package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * Writes NDR primitives (C706 chapter 14) in little-endian, ASCII, IEEE representation
 * (label {@code 10 00 00 00}), aligning relative to where the stub started.
 */
public final class NdrWriter {
    private final ByteBuf buf;
    private final int base;

    /** @param buf where to write, from its writer index (the alignment origin); not null */
    public NdrWriter(ByteBuf buf) {
        this.buf = buf;
        this.base = buf.writerIndex();
    }

    /** @param n pads with zeros to the next multiple of {@code n} */
    public NdrWriter align(int n) {
        int pos = buf.writerIndex() - base;
        buf.writeZero((n - pos % n) % n);
        return this;
    }

    /** @param v an unsigned 8-bit value */
    public NdrWriter u8(int v) {
        buf.writeByte(v);
        return this;
    }

    /** @param v an unsigned 16-bit value, aligned to 2 */
    public NdrWriter u16(int v) {
        align(2);
        buf.writeShortLE(v);
        return this;
    }

    /** @param v an unsigned 32-bit value, aligned to 4 */
    public NdrWriter u32(long v) {
        align(4);
        buf.writeIntLE((int) v);
        return this;
    }

    /** @param u a UUID, aligned to 4 */
    public NdrWriter uuid(UUID u) {
        align(4);
        Uuids.write(buf, u);
        return this;
    }

    /** @param b raw bytes */
    public NdrWriter bytes(byte[] b) {
        buf.writeBytes(b);
        return this;
    }
}
