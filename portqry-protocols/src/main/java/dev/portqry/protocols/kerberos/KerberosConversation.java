package dev.portqry.protocols.kerberos;

import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.kerberos.internal.AsReq;
import dev.portqry.protocols.kerberos.internal.KerberosDer;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AS-REQ / reply exchange over TCP (length-prefixed records, RFC 4120 7.2.2) or UDP (one
 * message per datagram, RFC 4120 7.2.1).
 */
final class KerberosConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(KerberosConversation.class);
    /** RFC 4120 7.2.2: the high bit of the TCP length is reserved; a set bit means an extension we did not ask for. */
    private static final int RESERVED_BIT = 0x80000000;

    private final ConversationContext context;
    private final AsReq request;
    private final String realmSource;

    KerberosConversation(ConversationContext context, AsReq request, String realmSource) {
        this.context = context;
        this.request = request;
        this.realmSource = realmSource;
    }

    @Override
    public ByteBuf start() {
        ByteBuf out = context.alloc().buffer();
        request.writeTo(out, context.protocol() == Protocol.TCP);
        return out;
    }

    @Override
    public Step onReceive(ByteBuf in) {
        byte[] message;
        if (context.protocol() == Protocol.TCP) {
            if (in.readableBytes() < 4) {
                return Step.needMore();
            }
            int length = in.getInt(in.readerIndex());
            ProtocolDecodeException.check((length & RESERVED_BIT) == 0, KerberosDer.PROTOCOL,
                    "TCP record length 0x%08x has the reserved bit set", length);
            int cap = Math.min(KerberosReply.MAX_MESSAGE_BYTES, context.options().maxReplyBytes());
            ProtocolDecodeException.check(length > 0 && length <= cap, KerberosDer.PROTOCOL,
                    "TCP record length %d outside 1-%d", length, cap);
            if (in.readableBytes() < 4 + length) {
                return Step.needMore();
            }
            in.skipBytes(4);
            message = new byte[length];
            in.readBytes(message);
        } else {
            message = new byte[in.readableBytes()];
            in.readBytes(message);
        }
        Instant receivedAt = Instant.now();
        KerberosReply reply = KerberosReply.decode(message);
        if (context.protocol() == Protocol.UDP && !answersUs(reply)) {
            log.debug("ignoring a Kerberos reply for another client: {}", reply);
            return Step.needMore();
        }
        return Step.done(new KerberosResult(request.realm(), realmSource, request.client(), reply, receivedAt));
    }

    /** A KRB-ERROR carries no nonce, so the echoed cname (when present) is what ties it to our random principal. */
    private boolean answersUs(KerberosReply reply) {
        if (reply instanceof KrbError e) {
            return e.client().map(request.client()::equals).orElse(true);
        }
        return reply instanceof AsRep r && r.client().components().equals(request.client().components());
    }
}
