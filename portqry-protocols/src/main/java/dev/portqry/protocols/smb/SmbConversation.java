package dev.portqry.protocols.smb;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * NEGOTIATE over direct TCP (445), or on 139 a NetBIOS session request first and the same
 * NEGOTIATE once the session is accepted.
 */
final class SmbConversation implements Conversation {
    /** RFC 1002 4.3.1 SESSION MESSAGE and MS-SMB2 2.1 direct-TCP framing both start with type 0. */
    private static final int SESSION_MESSAGE = 0x00;
    /** RFC 1002 4.3.8 SESSION KEEP ALIVE: skipped. */
    private static final int SESSION_KEEP_ALIVE = 0x85;
    /** MS-SMB2 2.1: the length field is 24 bits; a NEGOTIATE response is a few hundred bytes. */
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final ConversationContext context;
    private final Smb2NegotiateRequest request;
    private final NetbiosSessionRequest sessionRequest;
    private NetbiosSessionResponse session;

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
        } else {
            request.writeTo(out);
        }
        return out;
    }

    @Override
    public Step onReceive(ByteBuf in) {
        if (sessionRequest != null && session == null) {
            session = NetbiosSessionResponse.decode(in);
            if (session == null) {
                return Step.needMore();
            }
            if (!session.accepted()) {
                return Step.done(result(Optional.empty(), Optional.empty()));
            }
            ByteBuf negotiate = context.alloc().buffer();
            request.writeTo(negotiate);
            return Step.send(negotiate);
        }
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
                return Step.needMore();
            }
            ByteBuf message = in.slice(start + 4, length);
            in.skipBytes(4 + length);
            int protocolId = message.getIntLE(0);
            if (protocolId == 0x424d53ff) { // 0xFF 'SMB': MS-CIFS 2.2.3.1
                return Step.done(result(Optional.empty(), Optional.of(Smb1Reply.decode(message))));
            }
            return Step.done(result(Optional.of(Smb2NegotiateResponse.decode(message)), Optional.empty()));
        }
        return Step.needMore();
    }

    private SmbResult result(Optional<Smb2NegotiateResponse> negotiate, Optional<Smb1Reply> smb1) {
        return new SmbResult(sessionRequest != null ? "NetBIOS session" : "direct TCP", Optional.ofNullable(session), negotiate, smb1);
    }
}
