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
}
