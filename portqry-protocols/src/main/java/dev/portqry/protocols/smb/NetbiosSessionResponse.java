package dev.portqry.protocols.smb;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.smb.internal.NetbiosSessionRequest;
import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * The answer to a {@link NetbiosSessionRequest} (RFC 1002 sections 4.3.3 to 4.3.5): positive,
 * negative with an error code, or a retarget to another address and port.
 *
 * @param type {@link #POSITIVE}, {@link #NEGATIVE} or {@link #RETARGET}
 * @param detail for a negative response the error in words, for a retarget {@code address:port}; else empty
 */
public record NetbiosSessionResponse(int type, String detail) {
    /** POSITIVE SESSION RESPONSE. */
    public static final int POSITIVE = 0x82;
    /** NEGATIVE SESSION RESPONSE. */
    public static final int NEGATIVE = 0x83;
    /** RETARGET SESSION RESPONSE. */
    public static final int RETARGET = 0x84;

    private static final Map<Integer, String> ERRORS = Map.of(
            0x80, "not listening on called name",
            0x81, "not listening for calling name",
            0x82, "called name not present",
            0x83, "called name present, but insufficient resources",
            0x8f, "unspecified error");

    /** @return whether the session was accepted */
    public boolean accepted() {
        return type == POSITIVE;
    }

    /**
     * Reads one session response if it has fully arrived.
     *
     * @param in the cumulated stream; consumed only when a whole packet is there
     * @return the response, or null when more bytes are needed
     * @throws ProtocolDecodeException when the packet is not a session response or its length is wrong
     */
    static NetbiosSessionResponse decode(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return null;
        }
        int start = in.readerIndex();
        int type = in.getUnsignedByte(start);
        // RFC 1002 4.3.1: bit 0 of the flags byte extends the 16-bit length to 17 bits.
        int length = ((in.getUnsignedByte(start + 1) & 0x01) << 16) | in.getUnsignedShort(start + 2);
        int expected = switch (type) {
            case POSITIVE -> 0;
            case NEGATIVE -> 1;
            case RETARGET -> 6;
            default -> throw new ProtocolDecodeException(Smb2NegotiateResponse.PROTOCOL,
                    String.format("NetBIOS session response type 0x%02x is none of 0x82, 0x83, 0x84", type));
        };
        ProtocolDecodeException.check(length == expected, Smb2NegotiateResponse.PROTOCOL,
                "NetBIOS session response 0x%02x with length %d, expected %d", type, length, expected);
        if (in.readableBytes() < 4 + length) {
            return null;
        }
        in.skipBytes(4);
        String detail = "";
        if (type == NEGATIVE) {
            int code = in.readUnsignedByte();
            detail = ERRORS.getOrDefault(code, "error") + String.format(" (0x%02x)", code);
        } else if (type == RETARGET) {
            detail = in.readUnsignedByte() + "." + in.readUnsignedByte() + "." + in.readUnsignedByte() + "."
                    + in.readUnsignedByte() + ":" + in.readUnsignedShort();
        }
        return new NetbiosSessionResponse(type, detail);
    }

    @Override
    public String toString() {
        return switch (type) {
            case POSITIVE -> "positive session response";
            case NEGATIVE -> "negative session response: " + detail;
            default -> "retarget session response to " + detail;
        };
    }
}
