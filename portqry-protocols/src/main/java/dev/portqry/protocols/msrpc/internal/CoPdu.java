package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * One whole connection-oriented PDU cut from the TCP stream by its {@code frag_length}
 * (C706 12.6.3.1), with its body copied out of the stream buffer.
 *
 * @param header the header
 * @param body the bytes after the header, auth trailer excluded
 */
public record CoPdu(CoHeader header, byte[] body) {

    /**
     * Cuts the next PDU from a stream.
     *
     * @param in the received bytes; a complete PDU is consumed, an incomplete one left in place
     * @return the PDU, or null when more bytes are needed
     * @throws RpcDecodeException when the header is not DCE/RPC or its lengths are inconsistent
     */
    public static CoPdu next(ByteBuf in) {
        if (in.readableBytes() < CoHeader.SIZE) {
            return null;
        }
        CoHeader h = CoHeader.peek(in);
        if (in.readableBytes() < h.fragLength()) {
            return null;
        }
        byte[] body = ByteBufUtil.getBytes(in, in.readerIndex() + CoHeader.SIZE, h.bodyLength());
        in.skipBytes(h.fragLength());
        return new CoPdu(h, body);
    }

    /**
     * Frames a PDU: writes the header, lets {@code body} write the rest, then sets {@code frag_length}.
     *
     * @param alloc the allocator
     * @param type the PDU type
     * @param flags the {@code pfc_flags}
     * @param callId the call id
     * @param body writes the body (alignment is relative to the PDU start, a multiple of 8 away)
     * @return the PDU; the caller owns it
     */
    public static ByteBuf encode(ByteBufAllocator alloc, CoPduType type, int flags, long callId, Consumer<ByteBuf> body) {
        ByteBuf out = alloc.buffer(128);
        try {
            CoHeader.write(out, type, flags, 0, callId);
            body.accept(out);
            out.setShortLE(8, out.readableBytes());
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** @return the body as a buffer for decoding; heap-backed, needs no release */
    public ByteBuf bodyBuf() {
        return Unpooled.wrappedBuffer(body);
    }

    @Override
    public String toString() {
        return "CoPdu[" + header + ", " + body.length + " body bytes]";
    }
}
