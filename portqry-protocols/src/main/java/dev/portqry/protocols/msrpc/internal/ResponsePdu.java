package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;

/**
 * One response fragment (C706 12.6.4.10, MS-RPCE 2.2.2.10): allocation hint, context id,
 * cancel count, then this fragment's part of the stub.
 *
 * @param header the fragment's header (call id, first/last flags)
 * @param allocHint the total stub size the server announced, 0 when unknown
 * @param contextId the presentation context id
 * @param stubPart this fragment's stub bytes
 */
public record ResponsePdu(CoHeader header, long allocHint, int contextId, byte[] stubPart) {
    /** Bytes between the header and the stub. */
    public static final int PREFIX = 8;

    /**
     * @param pdu a response PDU
     * @return the fragment
     * @throws RpcDecodeException when the body is shorter than its fixed part
     */
    public static ResponsePdu decode(CoPdu pdu) {
        NdrReader r = new NdrReader(pdu.bodyBuf(), pdu.header().littleEndian());
        long hint = r.u32("alloc_hint");
        int ctx = r.u16("p_cont_id");
        r.skip(2, "cancel_count");
        return new ResponsePdu(pdu.header(), hint, ctx, r.bytes(r.remaining(), "stub"));
    }

    /** @return this fragment's stub bytes as a heap buffer that needs no release */
    public io.netty.buffer.ByteBuf stubPartBuf() {
        return io.netty.buffer.Unpooled.wrappedBuffer(stubPart);
    }
}
