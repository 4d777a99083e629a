package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * UUIDs on the DCE/RPC wire (C706 appendix A): {@code time_low} (4 bytes), {@code time_mid} and
 * {@code time_hi_and_version} (2 bytes each) in the sender's integer representation, then the
 * 8 clock-sequence and node bytes in order.
 */
public final class Uuids {
    /** The nil UUID. */
    public static final UUID NIL = new UUID(0, 0);

    private Uuids() {
    }

    /**
     * @param buf at least 16 readable bytes
     * @param littleEndian the integer representation
     * @return the UUID read
     */
    public static UUID read(ByteBuf buf, boolean littleEndian) {
        long timeLow = littleEndian ? buf.readUnsignedIntLE() : buf.readUnsignedInt();
        long timeMid = littleEndian ? buf.readUnsignedShortLE() : buf.readUnsignedShort();
        long timeHi = littleEndian ? buf.readUnsignedShortLE() : buf.readUnsignedShort();
        return new UUID(timeLow << 32 | timeMid << 16 | timeHi, buf.readLong());
    }

    /**
     * Writes in little-endian representation.
     *
     * @param buf where to write
     * @param u the UUID
     */
    public static void write(ByteBuf buf, UUID u) {
        long msb = u.getMostSignificantBits();
        buf.writeIntLE((int) (msb >>> 32));
        buf.writeShortLE((int) (msb >>> 16));
        buf.writeShortLE((int) msb);
        buf.writeLong(u.getLeastSignificantBits());
    }
}
