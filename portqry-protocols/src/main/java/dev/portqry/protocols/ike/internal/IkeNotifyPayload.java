package dev.portqry.protocols.ike.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ike.IkeNotifyType;
import dev.portqry.protocols.ike.IkeResponder;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A Notify payload: IKEv2's (RFC 7296 section 3.10: protocol ID, SPI size, type, SPI, data)
 * or IKEv1's Notification (RFC 2408 section 3.14, with a 4-byte DOI first).
 *
 * @param v1 whether it came in an IKEv1 message
 * @param protocolId the protocol ID, 0 when none
 * @param notifyType the notify type, not null
 * @param data the notification data after the SPI (copied in and out)
 */
public record IkeNotifyPayload(boolean v1, int protocolId, IkeNotifyType notifyType, byte[] data) implements IkePayload {

    /** Copies the data. */
    public IkeNotifyPayload {
        Objects.requireNonNull(notifyType, "notifyType");
        data = data.clone();
    }

    /**
     * @param body the payload body; read entirely
     * @param v1 whether the message is IKEv1
     * @return the payload
     * @throws ProtocolDecodeException when the body is shorter than its head and SPI
     */
    public static IkeNotifyPayload decodeBody(ByteBuf body, boolean v1) {
        int head = v1 ? 8 : 4;
        ProtocolDecodeException.check(body.readableBytes() >= head, IkeResponder.PROTOCOL, "Notify payload of %d bytes",
                body.readableBytes());
        if (v1) {
            body.skipBytes(4);
        }
        int protocol = body.readUnsignedByte();
        int spiSize = body.readUnsignedByte();
        int code = body.readUnsignedShort();
        ProtocolDecodeException.check(spiSize <= body.readableBytes(), IkeResponder.PROTOCOL, "Notify SPI size %d past the payload",
                spiSize);
        body.skipBytes(spiSize);
        byte[] data = new byte[body.readableBytes()];
        body.readBytes(data);
        return new IkeNotifyPayload(v1, protocol, v1 ? IkeNotifyType.valueOfV1(code) : IkeNotifyType.valueOf(code), data);
    }

    /**
     * @return for INVALID_KE_PAYLOAD, the Diffie-Hellman group the responder asks for
     *         (RFC 7296 section 1.3: two bytes of notification data)
     */
    public OptionalInt requestedGroup() {
        if (!v1 && notifyType.equals(IkeNotifyType.INVALID_KE_PAYLOAD) && data.length == 2) {
            return OptionalInt.of(((data[0] & 0xff) << 8) | (data[1] & 0xff));
        }
        return OptionalInt.empty();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public IkePayloadType type() {
        return v1 ? IkePayloadType.V1_NOTIFICATION : IkePayloadType.NOTIFY;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        if (v1) {
            out.writeInt(1);
        }
        out.writeByte(protocolId).writeByte(0).writeShort(notifyType.code()).writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IkeNotifyPayload n && n.v1 == v1 && n.protocolId == protocolId && n.notifyType.equals(notifyType)
                && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() {
        return notifyType.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "N(" + notifyType.name() + (data.length > 0 ? ", " + HexFormat.of().formatHex(data) : "") + ")";
    }
}
