package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * Reads NDR primitives (C706 chapter 14) from a stub: alignment is relative to the start of the
 * stub (C706 14.2.2), integers follow the data representation of the PDU. Every read checks the
 * readable bytes first and throws {@link RpcDecodeException} instead of running off the end.
 */
public final class NdrReader {
    private final ByteBuf buf;
    private final int base;
    private final boolean littleEndian;

    /**
     * @param buf the stub, read from its reader index (which is the alignment origin); not null
     * @param littleEndian the integer representation from the PDU's data representation label
     */
    public NdrReader(ByteBuf buf, boolean littleEndian) {
        this.buf = buf;
        this.base = buf.readerIndex();
        this.littleEndian = littleEndian;
    }

    /** @return the bytes left */
    public int remaining() {
        return buf.readableBytes();
    }

    /**
     * Skips padding up to the next multiple of {@code n} from the stub start; a stub may end
     * without its trailing padding.
     *
     * @param n 2, 4 or 8
     */
    public void align(int n) {
        int pos = buf.readerIndex() - base;
        int pad = (n - pos % n) % n;
        buf.skipBytes(Math.min(pad, buf.readableBytes()));
    }

    /**
     * @param n bytes that the next field needs
     * @param what the field, for the error message
     */
    public void need(int n, String what) {
        RpcDecodeException.expect(n >= 0 && buf.readableBytes() >= n,
                "%s needs %d bytes, %d left", what, n, buf.readableBytes());
    }

    /** @return an unsigned 8-bit integer */
    public int u8(String what) {
        need(1, what);
        return buf.readUnsignedByte();
    }

    /** @return an unsigned 16-bit integer, aligned to 2 */
    public int u16(String what) {
        align(2);
        need(2, what);
        return littleEndian ? buf.readUnsignedShortLE() : buf.readUnsignedShort();
    }

    /** @return an unsigned 32-bit integer, aligned to 4 */
    public long u32(String what) {
        align(4);
        need(4, what);
        return littleEndian ? buf.readUnsignedIntLE() : buf.readUnsignedInt();
    }

    /**
     * Reads a count and checks it against a cap, so that no declared length drives allocation.
     *
     * @param what the field
     * @param max the largest acceptable value
     * @return the count
     */
    public int count(String what, int max) {
        long v = u32(what);
        RpcDecodeException.expect(v <= max, "%s %d exceeds the cap of %d", what, v, max);
        return (int) v;
    }

    /** @return a UUID (C706 appendix A: three integers in the data representation, then 8 bytes), aligned to 4 */
    public UUID uuid(String what) {
        align(4);
        need(16, what);
        return Uuids.read(buf, littleEndian);
    }

    /**
     * @param n how many bytes; checked against what is left before allocating
     * @return a copy of the next {@code n} bytes
     */
    public byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = new byte[n];
        buf.readBytes(out);
        return out;
    }

    /**
     * Skips bytes.
     *
     * @param n how many bytes
     */
    public void skip(int n, String what) {
        need(n, what);
        buf.skipBytes(n);
    }
}
