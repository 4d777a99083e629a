package dev.portqry.protocols.l2tp.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.l2tp.L2tpMessageType;
import dev.portqry.protocols.l2tp.L2tpResponder;
import dev.portqry.protocols.l2tp.L2tpResultCode;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An L2TP control message (RFC 2661 section 3.1): the header with T, L and S set, then AVPs.
 * A message without AVPs is a zero-length body (ZLB) acknowledgment (section 5.8).
 *
 * @param tunnelId the recipient's tunnel ID (0 in an SCCRQ, before one is known)
 * @param sessionId the recipient's session ID, 0 for control-connection messages
 * @param ns the sequence number of this message
 * @param nr the next sequence number expected from the peer
 * @param avps the AVPs, Message Type first; empty for a ZLB
 */
public record L2tpControlMessage(int tunnelId, int sessionId, int ns, int nr, List<L2tpAvp> avps) {
    /** Header bytes of a control message. */
    public static final int HEADER = 12;
    /** Most AVPs decoded from one message. */
    public static final int MAX_AVPS = 256;
    /** Framing Capabilities value: synchronous (1) and asynchronous (2) framing (section 4.4.3). */
    static final int FRAMING_SYNC_ASYNC = 3;

    private static final int T = 0x8000;
    private static final int L = 0x4000;
    private static final int S = 0x0800;
    private static final int O = 0x0200;
    private static final int P = 0x0100;
    private static final int VERSION = 2;

    /** Copies the AVPs and checks the header fields. */
    public L2tpControlMessage {
        avps = List.copyOf(avps);
        for (int v : new int[] {tunnelId, sessionId, ns, nr}) {
            if (v < 0 || v > 0xffff) {
                throw new IllegalArgumentException("header fields must be 0-65535, was " + v);
            }
        }
    }

    /**
     * A Start-Control-Connection-Request with the AVPs section 6.1 makes mandatory.
     *
     * @param hostName our host name, not empty
     * @param assignedTunnelId our tunnel ID, 1-65535
     * @param vendorName our vendor name, sent as an optional AVP
     * @return the message, Ns 0, Nr 0
     */
    public static L2tpControlMessage sccrq(String hostName, int assignedTunnelId, String vendorName) {
        if (assignedTunnelId < 1 || assignedTunnelId > 0xffff) {
            throw new IllegalArgumentException("assignedTunnelId must be 1-65535, was " + assignedTunnelId);
        }
        return new L2tpControlMessage(0, 0, 0, 0, List.of(
                L2tpAvp.uint16(L2tpAvpType.MESSAGE_TYPE, L2tpMessageType.SCCRQ.code()),
                L2tpAvp.uint16(L2tpAvpType.PROTOCOL_VERSION, 0x0100),
                new L2tpAvp(true, false, 0, L2tpAvpType.HOST_NAME.code(), hostName.getBytes(StandardCharsets.UTF_8)),
                new L2tpAvp(true, false, 0, L2tpAvpType.FRAMING_CAPABILITIES.code(), new byte[] {0, 0, 0, FRAMING_SYNC_ASYNC}),
                L2tpAvp.uint16(L2tpAvpType.ASSIGNED_TUNNEL_ID, assignedTunnelId),
                new L2tpAvp(false, false, 0, L2tpAvpType.VENDOR_NAME.code(), vendorName.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * A StopCCN that clears a control connection (section 6.4, result code 1: general request to clear).
     *
     * @param peerTunnelId the tunnel ID the peer assigned (it goes in the header)
     * @param assignedTunnelId our tunnel ID
     * @param ns our next sequence number
     * @param nr the peer's next sequence number
     * @return the message
     */
    public static L2tpControlMessage stopCcn(int peerTunnelId, int assignedTunnelId, int ns, int nr) {
        return new L2tpControlMessage(peerTunnelId, 0, ns, nr, List.of(
                L2tpAvp.uint16(L2tpAvpType.MESSAGE_TYPE, L2tpMessageType.STOPCCN.code()),
                L2tpAvp.uint16(L2tpAvpType.ASSIGNED_TUNNEL_ID, assignedTunnelId),
                L2tpAvp.uint16(L2tpAvpType.RESULT_CODE, L2tpResultCode.CLEAR_CONNECTION)));
    }

    /**
     * Decodes one datagram.
     *
     * @param in the datagram's payload; read entirely
     * @return the message
     * @throws ProtocolDecodeException when it is a data message, another L2TP version, or malformed
     */
    public static L2tpControlMessage decode(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= 2, L2tpResponder.PROTOCOL, "%d bytes, no header", in.readableBytes());
        int flags = in.readUnsignedShort();
        ProtocolDecodeException.check((flags & 0x0f) == VERSION, L2tpResponder.PROTOCOL,
                "version %d, not L2TPv2 (RFC 2661)", flags & 0x0f);
        ProtocolDecodeException.check((flags & T) != 0, L2tpResponder.PROTOCOL, "a data message, not a control message");
        // Section 3.1: a control message has L and S set, O and P clear.
        ProtocolDecodeException.check((flags & (L | S | O | P)) == (L | S), L2tpResponder.PROTOCOL,
                "control message header flags %04x", flags);
        ProtocolDecodeException.check(in.readableBytes() >= HEADER - 2, L2tpResponder.PROTOCOL,
                "header of %d bytes, needs %d", in.readableBytes() + 2, HEADER);
        int length = in.readUnsignedShort();
        ProtocolDecodeException.check(length >= HEADER && length - 4 <= in.readableBytes(), L2tpResponder.PROTOCOL,
                "length %d outside %d-%d", length, HEADER, in.readableBytes() + 4);
        int tunnel = in.readUnsignedShort();
        int session = in.readUnsignedShort();
        int ns = in.readUnsignedShort();
        int nr = in.readUnsignedShort();
        ByteBuf body = in.readSlice(length - HEADER);
        in.skipBytes(in.readableBytes());
        List<L2tpAvp> avps = new ArrayList<>();
        while (body.isReadable()) {
            ProtocolDecodeException.check(avps.size() < MAX_AVPS, L2tpResponder.PROTOCOL, "more than %d AVPs", MAX_AVPS);
            avps.add(L2tpAvp.decode(body));
        }
        // Section 4.4.1 (Message Type AVP): it must come first.
        ProtocolDecodeException.check(avps.isEmpty() || avps.get(0).is(L2tpAvpType.MESSAGE_TYPE), L2tpResponder.PROTOCOL,
                "first AVP is %s, not Message Type", avps.isEmpty() ? "" : avps.get(0));
        return new L2tpControlMessage(tunnel, session, ns, nr, avps);
    }

    /**
     * @param out the buffer to write the whole message to, not null
     */
    public void encode(ByteBuf out) {
        int start = out.writerIndex();
        out.writeShort(T | L | S | VERSION);
        out.writeShort(0);
        out.writeShort(tunnelId).writeShort(sessionId).writeShort(ns).writeShort(nr);
        for (L2tpAvp avp : avps) {
            avp.encode(out);
        }
        out.setShort(start + 2, out.writerIndex() - start);
    }

    /** @return true for a zero-length body acknowledgment */
    public boolean isZlb() {
        return avps.isEmpty();
    }

    /** @return the Message Type AVP's value; empty for a ZLB */
    public Optional<L2tpMessageType> messageType() {
        return find(L2tpAvpType.MESSAGE_TYPE).map(a -> L2tpMessageType.valueOf(a.uint16()));
    }

    /**
     * @param type an IETF attribute type
     * @return the first AVP of that type
     */
    public Optional<L2tpAvp> find(L2tpAvpType type) {
        return avps.stream().filter(a -> a.is(type)).findFirst();
    }

    @Override
    public String toString() {
        String what = isZlb() ? "ZLB" : messageType().map(L2tpMessageType::name).orElse("?");
        return what + "[tunnel " + tunnelId + ", session " + sessionId + ", Ns " + ns + ", Nr " + nr
                + (isZlb() ? "" : ", " + avps.stream().map(L2tpAvp::toString).collect(Collectors.joining(", "))) + "]";
    }
}
