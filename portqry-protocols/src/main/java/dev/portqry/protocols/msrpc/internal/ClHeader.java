package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * The 80-byte header of a connectionless PDU (C706 12.5.3.1, MS-RPCE 2.2.2.x for ncadg): type,
 * flags, data representation, serial number (split in two bytes), object, interface and activity
 * UUIDs, server boot time, interface version, sequence number, operation number, hints, body
 * length and fragment number. Integers and UUIDs follow the data representation.
 *
 * @param type the PDU type
 * @param flags1 {@code pfc_flags}: {@link #LASTFRAG}, {@link #FRAG}, {@link #NOFACK}, {@link #IDEMPOTENT}
 * @param flags2 {@code pfc_flags2}
 * @param littleEndian the integer representation
 * @param serial the fragment serial number (C706: serial_hi and serial_lo)
 * @param object the object UUID, nil when none
 * @param interfaceUuid the interface UUID
 * @param activity the activity UUID: identifies the client's conversation
 * @param serverBoot the server's boot time, 0 until the server told it
 * @param interfaceVersion the interface version (major in the low 16 bits)
 * @param sequence the call's sequence number within the activity
 * @param opnum the operation number
 * @param bodyLength the body length, {@code len}
 * @param fragmentNumber the fragment number, from 0
 * @param authProto the authentication protocol, 0 for none
 */
public record ClHeader(ClPduType type, int flags1, int flags2, boolean littleEndian, int serial, UUID object,
                       UUID interfaceUuid, UUID activity, long serverBoot, long interfaceVersion, long sequence, int opnum,
                       int bodyLength, int fragmentNumber, int authProto) {
    /** Header size. */
    public static final int SIZE = 80;
    /** The RPC version of connectionless PDUs. */
    public static final int VERSION = 4;
    /** Last fragment of a fragmented PDU. */
    public static final int LASTFRAG = 0x02;
    /** The PDU is a fragment. */
    public static final int FRAG = 0x04;
    /** The receiver need not acknowledge this fragment. */
    public static final int NOFACK = 0x08;
    /** The call is idempotent. */
    public static final int IDEMPOTENT = 0x20;
    /** "No hint": interface and activity hints a client does not know yet. */
    public static final int NO_HINT = 0xffff;

    /**
     * @param in at least {@link #SIZE} readable bytes; consumed
     * @return the header
     * @throws RpcDecodeException when the datagram is too short or not version 4
     */
    public static ClHeader decode(ByteBuf in) {
        RpcDecodeException.expect(in.readableBytes() >= SIZE, "datagram of %d bytes is shorter than a connectionless header",
                in.readableBytes());
        int version = in.readUnsignedByte();
        RpcDecodeException.expect(version == VERSION, "not a connectionless DCE/RPC PDU (version %d)", version);
        ClPduType type = ClPduType.valueOf(in.readUnsignedByte() & 0x1f);
        int flags1 = in.readUnsignedByte();
        int flags2 = in.readUnsignedByte();
        boolean le = (in.readUnsignedByte() & 0x10) != 0;
        in.skipBytes(2);
        int serialHi = in.readUnsignedByte();
        UUID object = Uuids.read(in, le);
        UUID iface = Uuids.read(in, le);
        UUID activity = Uuids.read(in, le);
        long boot = le ? in.readUnsignedIntLE() : in.readUnsignedInt();
        long ifVers = le ? in.readUnsignedIntLE() : in.readUnsignedInt();
        long seq = le ? in.readUnsignedIntLE() : in.readUnsignedInt();
        int opnum = u16(in, le);
        u16(in, le);
        u16(in, le);
        int len = u16(in, le);
        int fragnum = u16(in, le);
        int auth = in.readUnsignedByte();
        int serialLo = in.readUnsignedByte();
        return new ClHeader(type, flags1, flags2, le, serialHi << 8 | serialLo, object, iface, activity, boot, ifVers, seq,
                opnum, len, fragnum, auth);
    }

    private static int u16(ByteBuf in, boolean le) {
        return le ? in.readUnsignedShortLE() : in.readUnsignedShort();
    }

    /** @param out where to write the header, little-endian, hints {@link #NO_HINT} */
    public void writeTo(ByteBuf out) {
        out.writeByte(VERSION).writeByte(type.code()).writeByte(flags1).writeByte(flags2);
        out.writeByte(0x10).writeByte(0).writeByte(0).writeByte(serial >>> 8);
        Uuids.write(out, object);
        Uuids.write(out, interfaceUuid);
        Uuids.write(out, activity);
        out.writeIntLE((int) serverBoot).writeIntLE((int) interfaceVersion).writeIntLE((int) sequence);
        out.writeShortLE(opnum).writeShortLE(NO_HINT).writeShortLE(NO_HINT);
        out.writeShortLE(bodyLength).writeShortLE(fragmentNumber).writeByte(authProto).writeByte(serial & 0xff);
    }

    /** @return whether the PDU is one fragment of several */
    public boolean fragmented() {
        return (flags1 & FRAG) != 0;
    }

    /** @return whether this is the last fragment */
    public boolean lastFragment() {
        return (flags1 & LASTFRAG) != 0;
    }

    /**
     * @param newType another type
     * @param newFlags1 its flags
     * @param length its body length
     * @param fragment its fragment number
     * @return this header with those fields replaced (for replies and acknowledgements)
     */
    public ClHeader with(ClPduType newType, int newFlags1, int length, int fragment) {
        return new ClHeader(newType, newFlags1, 0, true, serial, object, interfaceUuid, activity, serverBoot,
                interfaceVersion, sequence, opnum, length, fragment, 0);
    }
}
