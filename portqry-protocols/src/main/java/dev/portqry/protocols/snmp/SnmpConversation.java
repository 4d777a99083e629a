package dev.portqry.protocols.snmp;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.snmp.internal.SnmpGetRequest;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One GetRequest; a response with another request-id or community is ignored. */
final class SnmpConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(SnmpConversation.class);

    private final ConversationContext ctx;
    private final SnmpGetRequest request;

    SnmpConversation(ConversationContext ctx) {
        this.ctx = ctx;
        this.request = new SnmpGetRequest(SnmpVersion.parse(ctx.setting(SnmpResponder.VERSION)),
                ctx.setting(SnmpResponder.COMMUNITY), ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE),
                SnmpGetRequest.SYSTEM_OIDS);
    }

    SnmpGetRequest request() {
        return request;
    }

    @Override
    public ByteBuf start() {
        return request.encode(ctx.alloc());
    }

    @Override
    public Step onReceive(ByteBuf in) {
        SnmpResult result = SnmpResult.decode(in, ctx.options().maxEntries());
        if (result.requestId() != request.requestId() || !result.community().equals(request.community())) {
            log.debug("ignoring SNMP datagram from {}: request-id {} community {} do not match {}", ctx.remote(),
                    result.requestId(), result.community(), request);
            return Step.needMore();
        }
        return Step.done(result);
    }
}
