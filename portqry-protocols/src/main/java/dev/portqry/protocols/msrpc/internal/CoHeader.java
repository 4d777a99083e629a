package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;

/**
 * The 16-byte common header of every connection-oriented PDU (C706 12.6.3.1, MS-RPCE 2.2.2.1):
 * version 5.0/5.1, type, flags, data representation, fragment length, auth length, call id.
 * The fragment and auth lengths and the call id follow the data representation's byte order.
 *
 * @param minorVersion 0 or 1
 * @param type the PDU type
 * @param flags the {@code pfc_flags}
 * @param littleEndian whether integers are little-endian (data representation byte 0, bit 0x10)
 * @param fragLength the whole PDU's length, header included
 * @param authLength the length of the auth value at the end, 0 when none
 * @param callId the call this PDU belongs to
 */
public record CoHeader(int minorVersion, CoPduType type, int flags, boolean littleEndian, int fragLength,
                       int authLength, long callId) {
    /** Header size. */
    public static final int SIZE = 16;
    /** First fragment of a call. */
    public static final int PFC_FIRST_FRAG = 0x01;
    /** Last fragment of a call. */
    public static final int PFC_LAST_FRAG = 0x02;
    /** The call did not execute (in faults). */
    public static final int PFC_DID_NOT_EXECUTE = 0x20;
    /** An object UUID follows the request header. */
    public static final int PFC_OBJECT_UUID = 0x80;
    /** The sec_trailer that precedes an auth value (C706 13.2.6.1). */
    public static final int SEC_TRAILER = 8;

    /** @return whether {@link #PFC_FIRST_FRAG} is set */
    public boolean first() {
        return (flags & PFC_FIRST_FRAG) != 0;
    }

    /** @return whether {@link #PFC_LAST_FRAG} is set */
    public boolean last() {
        return (flags & PFC_LAST_FRAG) != 0;
    }

    /** @return bytes after the header that are not auth trailer */
    public int bodyLength() {
        return fragLength - SIZE - (authLength == 0 ? 0 : authLength + SEC_TRAILER);
    }

    /**
     * Reads a header without consuming it, and checks it as far as 16 bytes allow.
     *
     * @param in at least {@link #SIZE} readable bytes
     * @return the header
     * @throws RpcDecodeException when the bytes are not a DCE/RPC 5.x header
     */
    public static CoHeader peek(ByteBuf in) {
        int i = in.readerIndex();
        int version = in.getUnsignedByte(i);
        int minor = in.getUnsignedByte(i + 1);
        RpcDecodeException.expect(version == 5 && minor <= 1, "not a connection-oriented DCE/RPC PDU (version %d.%d)", version, minor);
        boolean le = (in.getUnsignedByte(i + 4) & 0x10) != 0;
        int frag = le ? in.getUnsignedShortLE(i + 8) : in.getUnsignedShort(i + 8);
        int auth = le ? in.getUnsignedShortLE(i + 10) : in.getUnsignedShort(i + 10);
        long call = le ? in.getUnsignedIntLE(i + 12) : in.getUnsignedInt(i + 12);
        CoHeader h = new CoHeader(minor, CoPduType.valueOf(in.getUnsignedByte(i + 2)), in.getUnsignedByte(i + 3), le, frag, auth, call);
        RpcDecodeException.expect(h.bodyLength() >= 0, "frag_length %d is too short for the header and auth_length %d", frag, auth);
        return h;
    }

    /**
     * Writes a little-endian header.
     *
     * @param out where to write
     * @param type the type
     * @param flags the flags
     * @param fragLength the whole PDU's length
     * @param callId the call id
     */
    public static void write(ByteBuf out, CoPduType type, int flags, int fragLength, long callId) {
        out.writeByte(5).writeByte(0).writeByte(type.code()).writeByte(flags);
        out.writeInt(0x10000000);
        out.writeShortLE(fragLength).writeShortLE(0).writeIntLE((int) callId);
    }
}
