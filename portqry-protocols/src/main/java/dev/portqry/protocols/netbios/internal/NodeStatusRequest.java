package dev.portqry.protocols.netbios.internal;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * NODE STATUS REQUEST (RFC 1002 4.2.17): a name service header with one question for the
 * wildcard name {@code *}, type NBSTAT, class IN, sent unicast (B flag clear).
 *
 * @param transactionId the NAME_TRN_ID echoed by the reply, 0-65535
 */
public record NodeStatusRequest(int transactionId) {
    /** Question type NBSTAT (RFC 1002 4.2.1.2). */
    public static final int TYPE_NBSTAT = 0x0021;
    /** Question class IN. */
    public static final int CLASS_IN = 0x0001;

    /** Checks the ID. */
    public NodeStatusRequest {
        if (transactionId < 0 || transactionId > 0xffff) {
            throw new IllegalArgumentException("transactionId must be 0-65535, was " + transactionId);
        }
    }

    /**
     * @param alloc the allocator, not null
     * @return the 50-byte request; the caller owns it
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(50);
        out.writeShort(transactionId);
        out.writeShort(0);          // opcode QUERY, NM_FLAGS 0: a unicast request, no recursion
        out.writeShort(1);          // QDCOUNT
        out.writeShort(0);          // ANCOUNT
        out.writeShort(0);          // NSCOUNT
        out.writeShort(0);          // ARCOUNT
        NetBiosWireName.write(NetBiosWireName.wildcard(), out);
        out.writeShort(TYPE_NBSTAT);
        out.writeShort(CLASS_IN);
        return out;
    }

    /**
     * Reads a request, as a NetBIOS name server would (used by tests and fakes).
     *
     * @param in the datagram, not null
     * @return the request
     * @throws ProtocolDecodeException when it is not a node status request
     */
    public static NodeStatusRequest decode(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= 12, "NetBIOS", "request shorter than its header");
        int id = in.readUnsignedShort();
        int flags = in.readUnsignedShort();
        ProtocolDecodeException.check((flags & 0x8000) == 0, "NetBIOS", "not a request");
        ProtocolDecodeException.check(in.readUnsignedShort() == 1, "NetBIOS", "request must ask one question");
        in.skipBytes(6);
        NetBiosWireName.skip(in);
        ProtocolDecodeException.check(in.readableBytes() >= 4, "NetBIOS", "request ends before its question type");
        ProtocolDecodeException.check(in.readUnsignedShort() == TYPE_NBSTAT, "NetBIOS", "question type is not NBSTAT");
        in.skipBytes(2);
        return new NodeStatusRequest(id);
    }

    @Override
    public String toString() {
        return "NodeStatusRequest[id=" + transactionId + ", name=*, type=NBSTAT]";
    }
}
