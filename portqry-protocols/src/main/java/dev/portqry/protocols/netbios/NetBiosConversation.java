package dev.portqry.protocols.netbios;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.netbios.internal.NodeStatusRequest;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One node status request; a datagram with another transaction ID is ignored. */
final class NetBiosConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(NetBiosConversation.class);

    private final ConversationContext ctx;
    private final NodeStatusRequest request = new NodeStatusRequest(ThreadLocalRandom.current().nextInt(1, 0x10000));

    NetBiosConversation(ConversationContext ctx) {
        this.ctx = ctx;
    }

    NodeStatusRequest request() {
        return request;
    }

    @Override
    public ByteBuf start() {
        return request.encode(ctx.alloc());
    }

    @Override
    public Step onReceive(ByteBuf in) {
        int id = NodeStatusResult.peekTransactionId(in);
        if (id != request.transactionId()) {
            log.debug("ignoring NetBIOS datagram from {}: transaction ID {} is not {}", ctx.remote(), id, request.transactionId());
            return Step.needMore();
        }
        return Step.done(NodeStatusResult.decode(in, ctx.options().maxEntries()));
    }
}
