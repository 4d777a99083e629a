package dev.portqry.protocols.ike.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ike.IkeResponder;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An unencrypted IKE message: the header and its chain of payloads (RFC 7296 sections 3.1
 * and 3.2), as IKE_SA_INIT and error notifications travel. IKEv1 messages are read as far as
 * their header and Notification payloads.
 *
 * @param header the header, not null; its length and next payload are recomputed by {@link #encode}
 * @param payloads the payloads in order
 */
public record IkeMessage(IkeHeader header, List<IkePayload> payloads) {
    /** Most payloads decoded from one message. */
    public static final int MAX_PAYLOADS = 64;
    /** Bytes of the generic payload header. */
    private static final int PAYLOAD_HEADER = 4;

    /** Copies the payloads. */
    public IkeMessage {
        Objects.requireNonNull(header, "header");
        payloads = List.copyOf(payloads);
    }

    /**
     * Decodes one message.
     *
     * @param in the datagram's payload (after any non-ESP marker); read entirely
     * @return the message
     * @throws ProtocolDecodeException when the header's length disagrees with the datagram or the payload chain is malformed
     */
    public static IkeMessage decode(ByteBuf in) {
        int available = in.readableBytes();
        IkeHeader h = IkeHeader.decode(in);
        ProtocolDecodeException.check(h.length() >= IkeHeader.LENGTH && h.length() <= available, IkeResponder.PROTOCOL,
                "header length %d outside %d-%d", h.length(), IkeHeader.LENGTH, available);
        ByteBuf body = in.readSlice((int) h.length() - IkeHeader.LENGTH);
        in.skipBytes(in.readableBytes());
        boolean v1 = h.majorVersion() == 1;
        List<IkePayload> payloads = new ArrayList<>();
        int next = h.nextPayload();
        while (next != 0) {
            ProtocolDecodeException.check(payloads.size() < MAX_PAYLOADS, IkeResponder.PROTOCOL, "more than %d payloads", MAX_PAYLOADS);
            ProtocolDecodeException.check(body.readableBytes() >= PAYLOAD_HEADER, IkeResponder.PROTOCOL,
                    "payload %s announced but only %d bytes left", IkePayloadType.valueOf(next), body.readableBytes());
            int following = body.readUnsignedByte();
            boolean critical = (body.readUnsignedByte() & 0x80) != 0;
            int length = body.readUnsignedShort();
            ProtocolDecodeException.check(length >= PAYLOAD_HEADER && length - PAYLOAD_HEADER <= body.readableBytes(),
                    IkeResponder.PROTOCOL, "payload %s length %d outside %d-%d", IkePayloadType.valueOf(next), length,
                    PAYLOAD_HEADER, body.readableBytes() + PAYLOAD_HEADER);
            payloads.add(payload(next, critical, body.readSlice(length - PAYLOAD_HEADER), v1));
            next = following;
        }
        ProtocolDecodeException.check(!body.isReadable(), IkeResponder.PROTOCOL, "%d bytes after the last payload",
                body.readableBytes());
        return new IkeMessage(h, payloads);
    }

    private static IkePayload payload(int type, boolean critical, ByteBuf body, boolean v1) {
        if (v1) {
            return type == IkePayloadType.V1_NOTIFICATION.code() ? IkeNotifyPayload.decodeBody(body, true)
                    : raw(type, critical, body);
        }
        return switch (type) {
            case 33 -> IkeSaPayload.decodeBody(body);
            case 34 -> IkeKePayload.decodeBody(body);
            case 40 -> IkeNoncePayload.decodeBody(body);
            case 41 -> IkeNotifyPayload.decodeBody(body, false);
            default -> raw(type, critical, body);
        };
    }

    private static IkeRawPayload raw(int type, boolean critical, ByteBuf body) {
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return new IkeRawPayload(IkePayloadType.valueOf(type), critical, bytes);
    }

    /**
     * Writes the message, filling in the header's next payload and length.
     *
     * @param out the buffer to write to, not null
     */
    public void encode(ByteBuf out) {
        int start = out.writerIndex();
        int first = payloads.isEmpty() ? 0 : payloads.get(0).type().code();
        new IkeHeader(header.initiatorSpi(), header.responderSpi(), first, header.majorVersion(), header.minorVersion(),
                header.exchangeType(), header.flags(), header.messageId(), 0).encode(out);
        for (int i = 0; i < payloads.size(); i++) {
            IkePayload p = payloads.get(i);
            int payloadStart = out.writerIndex();
            out.writeByte(i + 1 < payloads.size() ? payloads.get(i + 1).type().code() : 0);
            out.writeByte(p instanceof IkeRawPayload r && r.critical() ? 0x80 : 0);
            out.writeShort(0);
            p.encodeBody(out);
            out.setShort(payloadStart + 2, out.writerIndex() - payloadStart);
        }
        out.setInt(start + 24, out.writerIndex() - start);
    }

    /**
     * @param type a payload class
     * @param <T> its type
     * @return the payloads of that class, in order
     */
    public <T extends IkePayload> List<T> payloads(Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public String toString() {
        return header + " " + payloads.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
