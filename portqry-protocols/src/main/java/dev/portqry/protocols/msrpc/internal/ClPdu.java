package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * One connectionless PDU, one datagram (C706 12.5.3): the header and its body of {@code len} bytes.
 *
 * @param header the header
 * @param body the body, copied out of the datagram
 */
public record ClPdu(ClHeader header, byte[] body) {

    /**
     * @param datagram one datagram's payload; consumed
     * @return the PDU
     * @throws RpcDecodeException when the datagram is shorter than the header or than {@code len} says
     */
    public static ClPdu decode(ByteBuf datagram) {
        ClHeader h = ClHeader.decode(datagram);
        RpcDecodeException.expect(h.bodyLength() <= datagram.readableBytes(),
                "body length %d is past the %d bytes after the header", h.bodyLength(), datagram.readableBytes());
        byte[] body = new byte[h.bodyLength()];
        datagram.readBytes(body);
        return new ClPdu(h, body);
    }

    /**
     * @param alloc the allocator
     * @return the datagram payload; the caller owns it
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(ClHeader.SIZE + body.length);
        header.writeTo(out);
        out.writeBytes(body);
        return out;
    }

    /** @return the 32-bit status that opens a fault or reject body (C706 12.5.3.3, 12.5.3.10) */
    public long status() {
        RpcDecodeException.expect(body.length >= 4, "%s body of %d bytes has no status", header.type(), body.length);
        ByteBuf b = Unpooled.wrappedBuffer(body);
        return header.littleEndian() ? b.readUnsignedIntLE() : b.readUnsignedInt();
    }

    @Override
    public String toString() {
        ClHeader h = header;
        return "ClPdu[" + h.type() + ", seq " + h.sequence() + ", frag " + h.fragmentNumber() + ", flags1 0x"
                + Integer.toHexString(h.flags1()) + ", " + body.length + " body bytes]";
    }
}
