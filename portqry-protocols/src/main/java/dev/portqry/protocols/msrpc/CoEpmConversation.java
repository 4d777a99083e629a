package dev.portqry.protocols.msrpc;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.msrpc.internal.BindAckPdu;
import dev.portqry.protocols.msrpc.internal.BindNakPdu;
import dev.portqry.protocols.msrpc.internal.BindPdu;
import dev.portqry.protocols.msrpc.internal.CoFragmentAssembler;
import dev.portqry.protocols.msrpc.internal.CoPdu;
import dev.portqry.protocols.msrpc.internal.CoPduType;
import dev.portqry.protocols.msrpc.internal.EpmCall;
import dev.portqry.protocols.msrpc.internal.FaultPdu;
import dev.portqry.protocols.msrpc.internal.RequestPdu;
import dev.portqry.protocols.msrpc.internal.ResponsePdu;
import dev.portqry.protocols.msrpc.internal.RpcDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint-mapper exchange over TCP (ncacn_ip_tcp, C706 chapter 12.6, MS-RPCE 2.2.2): bind
 * to the endpoint mapper with NDR, then one request per step of the {@link EpmCall}, each
 * response reassembled from its fragments. Every PDU must carry the call id of the call in
 * progress: on one connection without concurrent calls anything else is corrupt.
 */
final class CoEpmConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(CoEpmConversation.class);

    private final ByteBufAllocator alloc;
    private final EpmCall call;
    private final CoFragmentAssembler assembler;
    private long callId = 1;
    private boolean bound;
    private int contextId;

    /**
     * @param alloc the allocator for requests
     * @param call the operation to run
     * @param maxStubBytes the cap on one reassembled response stub
     */
    CoEpmConversation(ByteBufAllocator alloc, EpmCall call, int maxStubBytes) {
        this.alloc = alloc;
        this.call = call;
        this.assembler = new CoFragmentAssembler(maxStubBytes);
    }

    @Override
    public ByteBuf start() {
        BindPdu bind = BindPdu.endpointMapper(callId);
        contextId = bind.contextId();
        return bind.encode(alloc);
    }

    @Override
    public Step onReceive(ByteBuf in) {
        for (;;) {
            CoPdu pdu = CoPdu.next(in);
            if (pdu == null) {
                return Step.needMore();
            }
            log.debug("received {}", pdu);
            RpcDecodeException.expect(pdu.header().callId() == callId, "%s for call id %d, call %d is in progress",
                    pdu.header().type(), pdu.header().callId(), callId);
            Step step = bound ? onCallPdu(pdu) : onBindReply(pdu);
            if (step != null) {
                return step;
            }
        }
    }

    private Step onBindReply(CoPdu pdu) {
        CoPduType type = pdu.header().type();
        if (type.equals(CoPduType.BIND_NAK)) {
            BindNakPdu nak = BindNakPdu.decode(pdu);
            throw new RpcFaultException("bind_nak: " + nak.reasonText() + ", server supports " + nak.versions(), null);
        }
        rejectFault(pdu, "bind");
        RpcDecodeException.expect(type.equals(CoPduType.BIND_ACK), "expected bind_ack, got %s", type);
        BindAckPdu ack = BindAckPdu.decode(pdu);
        BindAckPdu.Result result = ack.results().get(0);
        if (!result.accepted()) {
            throw new RpcFaultException("bind_ack rejected the endpoint mapper interface (" + result.reasonText() + ")",
                    RpcStatus.NCA_S_UNK_IF);
        }
        bound = true;
        return nextRequest();
    }

    private Step onCallPdu(CoPdu pdu) {
        rejectFault(pdu, call.name());
        CoPduType type = pdu.header().type();
        RpcDecodeException.expect(type.equals(CoPduType.RESPONSE), "expected a response to %s, got %s", call.name(), type);
        ByteBuf stub = assembler.add(ResponsePdu.decode(pdu));
        if (stub == null) {
            return null;
        }
        ResponderResult result = call.onResponse(stub, pdu.header().littleEndian());
        return result != null ? Step.done(result) : nextRequest();
    }

    private static void rejectFault(CoPdu pdu, String what) {
        if (pdu.header().type().equals(CoPduType.FAULT)) {
            throw new RpcFaultException("fault in reply to " + what, FaultPdu.decode(pdu).status());
        }
    }

    private Step nextRequest() {
        callId++;
        ByteBuf stub = alloc.heapBuffer(64);
        try {
            call.writeRequest(stub);
            byte[] bytes = new byte[stub.readableBytes()];
            stub.readBytes(bytes);
            return Step.send(new RequestPdu(callId, contextId, call.opnum(), bytes).encode(alloc));
        } finally {
            stub.release();
        }
    }

    @Override
    public Step onPeerClosed() {
        throw new RpcDecodeException("connection closed " + (bound ? "during " + call.name() : "before bind_ack"));
    }
}
