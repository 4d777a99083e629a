package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.RpcInterfaceId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A bind PDU with one presentation context offering one transfer syntax (C706 12.6.4.3,
 * MS-RPCE 2.2.2.13): the client's fragment sizes, association group 0 (a new one), and the
 * abstract syntax to bind.
 *
 * @param callId the call id
 * @param maxXmitFrag the largest fragment the client sends
 * @param maxRecvFrag the largest fragment the client accepts
 * @param contextId the presentation context id
 * @param abstractSyntax the interface, e.g. {@link RpcInterfaceId#EPM}
 * @param transferSyntax the transfer syntax, e.g. {@link RpcInterfaceId#NDR}
 */
public record BindPdu(long callId, int maxXmitFrag, int maxRecvFrag, int contextId, RpcInterfaceId abstractSyntax,
                      RpcInterfaceId transferSyntax) {
    /** The fragment size Windows clients offer (MS-RPCE 3.3.1.5.1 allows 1432 to 65535). */
    public static final int DEFAULT_FRAG = 4280;

    /**
     * @param callId the call id
     * @return a bind to the endpoint mapper with NDR and {@link #DEFAULT_FRAG} fragments
     */
    public static BindPdu endpointMapper(long callId) {
        return new BindPdu(callId, DEFAULT_FRAG, DEFAULT_FRAG, 0, RpcInterfaceId.EPM, RpcInterfaceId.NDR);
    }

    /**
     * @param alloc the allocator
     * @return the PDU; the caller owns it
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        return CoPdu.encode(alloc, CoPduType.BIND, CoHeader.PFC_FIRST_FRAG | CoHeader.PFC_LAST_FRAG, callId, out -> {
            NdrWriter w = new NdrWriter(out);
            w.u16(maxXmitFrag).u16(maxRecvFrag).u32(0);
            w.u8(1).u8(0).u16(0);
            w.u16(contextId).u8(1).u8(0);
            w.uuid(abstractSyntax.uuid()).u32(abstractSyntax.packedVersion());
            w.uuid(transferSyntax.uuid()).u32(transferSyntax.packedVersion());
        });
    }

    /**
     * Decodes a bind (for test servers): the first context and its first transfer syntax.
     *
     * @param pdu a bind PDU
     * @return the bind
     */
    public static BindPdu decode(CoPdu pdu) {
        NdrReader r = new NdrReader(pdu.bodyBuf(), pdu.header().littleEndian());
        int xmit = r.u16("max_xmit_frag");
        int recv = r.u16("max_recv_frag");
        r.u32("assoc_group_id");
        int contexts = r.u8("n_context_elem");
        RpcDecodeException.expect(contexts >= 1, "bind offers no presentation context");
        r.skip(3, "reserved");
        int ctx = r.u16("p_cont_id");
        int syntaxes = r.u8("n_transfer_syn");
        RpcDecodeException.expect(syntaxes >= 1, "bind context offers no transfer syntax");
        r.skip(1, "reserved");
        RpcInterfaceId abs = RpcInterfaceId.fromPacked(r.uuid("abstract syntax"), r.u32("abstract version"));
        RpcInterfaceId ts = RpcInterfaceId.fromPacked(r.uuid("transfer syntax"), r.u32("transfer version"));
        return new BindPdu(pdu.header().callId(), xmit, recv, ctx, abs, ts);
    }
}
