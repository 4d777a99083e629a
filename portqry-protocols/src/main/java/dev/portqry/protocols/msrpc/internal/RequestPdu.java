package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * A request PDU in one fragment (C706 12.6.4.9, MS-RPCE 2.2.2.9): allocation hint, context id,
 * operation number and the stub. Endpoint-mapper requests are far below any fragment size.
 *
 * @param callId the call id
 * @param contextId the presentation context id from the bind
 * @param opnum the operation number
 * @param stub the NDR stub
 */
public record RequestPdu(long callId, int contextId, int opnum, byte[] stub) {

    /**
     * @param alloc the allocator
     * @return the PDU; the caller owns it
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        return CoPdu.encode(alloc, CoPduType.REQUEST, CoHeader.PFC_FIRST_FRAG | CoHeader.PFC_LAST_FRAG, callId, out -> {
            out.writeIntLE(stub.length).writeShortLE(contextId).writeShortLE(opnum).writeBytes(stub);
        });
    }

    @Override
    public String toString() {
        return "RequestPdu[call " + callId + ", opnum " + opnum + ", stub " + ByteBufUtil.hexDump(stub) + "]";
    }
}
