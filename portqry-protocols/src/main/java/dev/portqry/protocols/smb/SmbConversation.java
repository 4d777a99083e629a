package dev.portqry.protocols.smb;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.smb.internal.NetbiosSessionRequest;
import dev.portqry.protocols.smb.internal.Smb1NegotiateRequest;
import dev.portqry.protocols.smb.internal.Smb2NegotiateRequest;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * On 139 a NetBIOS session request first; then the multi-protocol SMB1 NEGOTIATE; an SMB2
 * server answers with dialect 0x02FF, and the SMB2 NEGOTIATE with the 3.1.1 contexts follows
 * (MS-SMB2 3.2.4.2.2.1 and 3.2.5.2). An SMB1 answer ends the conversation: SMB1 only.
 */
final class SmbConversation implements Conversation {
    /** RFC 1002 4.3.1 SESSION MESSAGE and MS-SMB2 2.1 direct-TCP framing both start with type 0. */
    private static final int SESSION_MESSAGE = 0x00;
    /** RFC 1002 4.3.8 SESSION KEEP ALIVE: skipped. */
    private static final int SESSION_KEEP_ALIVE = 0x85;
    /** MS-SMB2 2.1: the length field is 24 bits; a NEGOTIATE response is a few hundred bytes. */
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final int SMB1_PROTOCOL_ID = 0x424d53ff;

    private enum Phase { SESSION, MULTI_PROTOCOL_NEGOTIATE, SMB2_NEGOTIATE }

    private final ConversationContext context;
    private final Smb2NegotiateRequest request;
    private final NetbiosSessionRequest sessionRequest;
    private NetbiosSessionResponse session;
    private Phase phase;

    SmbConversation(ConversationContext context, Smb2NegotiateRequest request, NetbiosSessionRequest sessionRequest) {
        this.context = context;
        this.request = request;
        this.sessionRequest = sessionRequest;
    }

    @Override
    public ByteBuf start() {
        ByteBuf out = context.alloc().buffer();
        if (sessionRequest != null) {
            sessionRequest.writeTo(out);
            phase = Phase.SESSION;
        } else {
            Smb1NegotiateRequest.writeTo(out);
            phase = Phase.MULTI_PROTOCOL_NEGOTIATE;
        }
        return out;
    }

    @Override
    public Step onReceive(ByteBuf in) {
        if (phase == Phase.SESSION) {
            session = NetbiosSessionResponse.decode(in);
            if (session == null) {
                return Step.needMore();
            }
            if (!session.accepted()) {
                return Step.done(result(Optional.empty(), Optional.empty()));
            }
            phase = Phase.MULTI_PROTOCOL_NEGOTIATE;
            ByteBuf negotiate = context.alloc().buffer();
            Smb1NegotiateRequest.writeTo(negotiate);
            return Step.send(negotiate);
        }
        ByteBuf message = nextMessage(in);
        if (message == null) {
            return Step.needMore();
        }
        if (message.getIntLE(0) == SMB1_PROTOCOL_ID) {
            ProtocolDecodeException.check(phase == Phase.MULTI_PROTOCOL_NEGOTIATE, Smb2NegotiateResponse.PROTOCOL,
                    "SMB1 message in answer to the SMB2 NEGOTIATE");
            return Step.done(result(Optional.empty(), Optional.of(Smb1NegotiateResponse.decode(message))));
        }
        boolean first = phase == Phase.MULTI_PROTOCOL_NEGOTIATE;
        Smb2NegotiateResponse response = Smb2NegotiateResponse.decode(message, first ? 0 : request.messageId());
        if (first && response.status().isSuccess() && response.dialect().equals(SmbDialect.SMB_2_WILDCARD)) {
            phase = Phase.SMB2_NEGOTIATE;
            ByteBuf negotiate = context.alloc().buffer();
            request.writeTo(negotiate);
            return Step.send(negotiate);
        }
        return Step.done(result(Optional.of(response), Optional.empty()));
    }

    /** @return the next whole SMB message (a slice of {@code in}, which moves past it), or null when incomplete */
    private ByteBuf nextMessage(ByteBuf in) {
        while (in.readableBytes() >= 4) {
            int start = in.readerIndex();
            int type = in.getUnsignedByte(start);
            if (type == SESSION_KEEP_ALIVE) {
                in.skipBytes(4);
                continue;
            }
            ProtocolDecodeException.check(type == SESSION_MESSAGE, Smb2NegotiateResponse.PROTOCOL,
                    "transport header type 0x%02x, expected a session message", type);
            int length = in.getUnsignedMedium(start + 1);
            int cap = Math.min(MAX_MESSAGE_BYTES, context.options().maxReplyBytes());
            ProtocolDecodeException.check(length >= 4 && length <= cap, Smb2NegotiateResponse.PROTOCOL,
                    "message length %d outside 4-%d", length, cap);
            if (in.readableBytes() < 4 + length) {
                return null;
            }
            in.skipBytes(4 + length);
            return in.slice(start + 4, length);
        }
        return null;
    }

    private SmbResult result(Optional<Smb2NegotiateResponse> negotiate, Optional<Smb1NegotiateResponse> smb1) {
        return new SmbResult(sessionRequest != null ? "NetBIOS session" : "direct TCP", Optional.ofNullable(session), negotiate, smb1);
    }
}
