package dev.portqry.protocols.ike.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ike.IkeResponder;
import dev.portqry.protocols.ike.IkeTransform;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A Key Exchange payload (RFC 7296 section 3.4): the Diffie-Hellman group and the sender's
 * public value.
 *
 * @param group the Diffie-Hellman group number
 * @param data the public value (copied in and out)
 */
public record IkeKePayload(int group, byte[] data) implements IkePayload {

    /** Copies the value. */
    public IkeKePayload {
        data = data.clone();
    }

    /**
     * @param body the payload body; read entirely
     * @return the payload
     * @throws ProtocolDecodeException when it is shorter than its 4-byte head
     */
    public static IkeKePayload decodeBody(ByteBuf body) {
        ProtocolDecodeException.check(body.readableBytes() >= 4, IkeResponder.PROTOCOL, "KE payload of %d bytes",
                body.readableBytes());
        int group = body.readUnsignedShort();
        body.skipBytes(2);
        byte[] data = new byte[body.readableBytes()];
        body.readBytes(data);
        return new IkeKePayload(group, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.KE;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeShort(group).writeShort(0).writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IkeKePayload k && k.group == group && Arrays.equals(k.data, data);
    }

    @Override
    public int hashCode() {
        return group * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "KE[" + IkeTransform.groupName(group) + ", " + data.length + " bytes]";
    }
}
