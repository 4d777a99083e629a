package dev.portqry.protocols.msrpc;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.msrpc.internal.ClFragmentAssembler;
import dev.portqry.protocols.msrpc.internal.ClHeader;
import dev.portqry.protocols.msrpc.internal.ClPdu;
import dev.portqry.protocols.msrpc.internal.ClPduType;
import dev.portqry.protocols.msrpc.internal.EpmCall;
import dev.portqry.protocols.msrpc.internal.RpcDecodeException;
import dev.portqry.protocols.msrpc.internal.Uuids;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint-mapper exchange over UDP (ncadg_ip_udp, C706 chapter 12.5): each call of the
 * {@link EpmCall} is an idempotent request in one datagram carrying the activity UUID and the
 * call's sequence number; the response may come in fragments, each acknowledged with a fack
 * unless flagged {@code nofack}. Datagrams of another activity or sequence are ignored; fault and
 * reject end the exchange with their status; working and nocall keep waiting (the engine's
 * retry resends the request with the same sequence number and a new serial number). No final
 * ack is sent: the calls are idempotent, so the server may drop their state (C706 12.5.2.2).
 */
final class ClEpmConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(ClEpmConversation.class);

    private final ByteBufAllocator alloc;
    private final EpmCall call;
    private final UUID activity;
    private final ClFragmentAssembler assembler;
    private long sequence;
    private long serverBoot;
    private int serial;

    /**
     * @param alloc the allocator for requests
     * @param call the operation to run
     * @param maxStubBytes the cap on one reassembled response stub
     * @param activity the activity UUID, random per conversation; not null
     */
    ClEpmConversation(ByteBufAllocator alloc, EpmCall call, int maxStubBytes, UUID activity) {
        this.alloc = alloc;
        this.call = call;
        this.activity = Objects.requireNonNull(activity, "activity");
        this.assembler = new ClFragmentAssembler(maxStubBytes);
    }

    /** @return the request of the call in progress; called again for every retry */
    @Override
    public ByteBuf start() {
        return request();
    }

    private ByteBuf request() {
        ByteBuf stub = alloc.heapBuffer(64);
        try {
            call.writeRequest(stub);
            byte[] body = new byte[stub.readableBytes()];
            stub.readBytes(body);
            RpcInterfaceId epm = RpcInterfaceId.EPM;
            ClHeader h = new ClHeader(ClPduType.REQUEST, ClHeader.IDEMPOTENT, 0, true, serial++ & 0xffff, Uuids.NIL,
                    epm.uuid(), activity, serverBoot, epm.packedVersion(), sequence, call.opnum(), body.length, 0, 0);
            return new ClPdu(h, body).encode(alloc);
        } finally {
            stub.release();
        }
    }

    @Override
    public Step onReceive(ByteBuf in) {
        ClPdu pdu = ClPdu.decode(in);
        ClHeader h = pdu.header();
        if (!h.activity().equals(activity) || h.sequence() != sequence) {
            log.debug("ignoring {} of activity {} seq {}: not the call in progress", h.type(), h.activity(), h.sequence());
            return Step.needMore();
        }
        ClPduType type = h.type();
        if (type.equals(ClPduType.FAULT)) {
            throw new RpcFaultException("fault in reply to " + call.name(), RpcStatus.valueOf(pdu.status()));
        }
        if (type.equals(ClPduType.REJECT)) {
            throw new RpcFaultException("reject of " + call.name(), RpcStatus.valueOf(pdu.status()));
        }
        if (type.equals(ClPduType.WORKING) || type.equals(ClPduType.NOCALL) || type.equals(ClPduType.FACK)) {
            return Step.needMore();
        }
        RpcDecodeException.expect(type.equals(ClPduType.RESPONSE), "expected a response to %s, got %s", call.name(), type);
        serverBoot = h.serverBoot();
        ByteBuf stub = assembler.add(pdu);
        if (stub == null) {
            return (h.flags1() & ClHeader.NOFACK) != 0 ? Step.needMore() : Step.send(fack(h));
        }
        ResponderResult result = call.onResponse(stub, h.littleEndian());
        if (result != null) {
            return Step.done(result);
        }
        sequence++;
        return Step.send(request());
    }

    /**
     * A fack for a received fragment (C706 12.5.3.4): body version 0, our window, sizes, the
     * serial number of the fragment that prompted it and no selective acknowledgements; the
     * header's fragment number is the highest one received without a gap.
     */
    private ByteBuf fack(ClHeader fragment) {
        ByteBuf body = alloc.heapBuffer(16);
        try {
            body.writeByte(0).writeByte(0).writeShortLE(32).writeIntLE(65_528).writeIntLE(65_528);
            body.writeShortLE(fragment.serial()).writeShortLE(0);
            byte[] bytes = new byte[body.readableBytes()];
            body.readBytes(bytes);
            ClHeader h = new ClHeader(ClPduType.FACK, 0, 0, true, 0, fragment.object(), fragment.interfaceUuid(), activity,
                    serverBoot, fragment.interfaceVersion(), sequence, fragment.opnum(), bytes.length,
                    Math.max(0, assembler.highestConsecutive()), 0);
            return new ClPdu(h, bytes).encode(alloc);
        } finally {
            body.release();
        }
    }
}
