package dev.portqry.protocols.l2tp.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.l2tp.L2tpResponder;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One attribute-value pair (RFC 2661 section 4.1): {@code M|H|rsvd|Length(10 bits)},
 * Vendor ID, Attribute Type, value.
 *
 * @param mandatory the M bit: a receiver that does not know the AVP must tear down
 * @param hidden the H bit: the value is obfuscated with the tunnel secret (section 4.3)
 * @param vendorId 0 for IETF attributes, else an SMI enterprise number
 * @param type the attribute type (meaningful as {@link L2tpAvpType} when {@code vendorId} is 0)
 * @param value the value bytes (copied in and out)
 */
public record L2tpAvp(boolean mandatory, boolean hidden, int vendorId, int type, byte[] value) {
    /** Bytes of the AVP header. */
    public static final int HEADER = 6;
    /** Largest AVP: the length field has 10 bits. */
    public static final int MAX_LENGTH = 1023;

    /** Copies the value and checks it fits the length field. */
    public L2tpAvp {
        if (value.length > MAX_LENGTH - HEADER) {
            throw new IllegalArgumentException("value must be at most " + (MAX_LENGTH - HEADER) + " bytes, was " + value.length);
        }
        value = value.clone();
    }

    /**
     * @param type an IETF attribute type
     * @param value a 16-bit value
     * @return a mandatory AVP carrying it
     */
    public static L2tpAvp uint16(L2tpAvpType type, int value) {
        return new L2tpAvp(true, false, 0, type.code(), new byte[] {(byte) (value >> 8), (byte) value});
    }

    /**
     * Decodes one AVP.
     *
     * @param in the message; the reader index moves past the AVP
     * @return the AVP
     * @throws ProtocolDecodeException when the length is below the header or past the message end
     */
    public static L2tpAvp decode(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= HEADER, L2tpResponder.PROTOCOL,
                "AVP header needs %d bytes, %d left", HEADER, in.readableBytes());
        int bits = in.readUnsignedShort();
        int length = bits & 0x3ff;
        ProtocolDecodeException.check((bits & 0x3c00) == 0, L2tpResponder.PROTOCOL, "AVP reserved bits set: %04x", bits);
        ProtocolDecodeException.check(length >= HEADER, L2tpResponder.PROTOCOL, "AVP length %d below its header", length);
        ProtocolDecodeException.check(length - 2 <= in.readableBytes(), L2tpResponder.PROTOCOL,
                "AVP length %d runs past the message (%d bytes left)", length, in.readableBytes() + 2);
        int vendor = in.readUnsignedShort();
        int type = in.readUnsignedShort();
        byte[] value = new byte[length - HEADER];
        in.readBytes(value);
        return new L2tpAvp((bits & 0x8000) != 0, (bits & 0x4000) != 0, vendor, type, value);
    }

    /**
     * @param out the buffer to write the AVP to, not null
     */
    public void encode(ByteBuf out) {
        out.writeShort((mandatory ? 0x8000 : 0) | (hidden ? 0x4000 : 0) | (HEADER + value.length));
        out.writeShort(vendorId);
        out.writeShort(type);
        out.writeBytes(value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** @return whether this is the IETF attribute {@code t} */
    public boolean is(L2tpAvpType t) {
        return vendorId == 0 && type == t.code();
    }

    /** @return the value as text; hidden values cannot be read without the secret */
    public String text() {
        return hidden ? "(hidden)" : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * @return the first two value bytes as an unsigned number
     * @throws ProtocolDecodeException when the value is shorter
     */
    public int uint16() {
        ProtocolDecodeException.check(value.length >= 2 && !hidden, L2tpResponder.PROTOCOL,
                "%s needs a 2-byte value, has %d", L2tpAvpType.valueOf(type).name(), value.length);
        return ((value[0] & 0xff) << 8) | (value[1] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L2tpAvp a && a.mandatory == mandatory && a.hidden == hidden && a.vendorId == vendorId
                && a.type == type && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return (vendorId * 31 + type) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String name = vendorId == 0 ? L2tpAvpType.valueOf(type).name() : "vendor " + vendorId + " type " + type;
        return name + (mandatory ? " [M]" : "") + (hidden ? " [H]" : "") + "=" + HexFormat.of().formatHex(value);
    }
}
