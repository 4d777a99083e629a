package dev.portqry.protocols.l2tp;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.l2tp.internal.L2tpControlMessage;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One L2TP probe: sends an SCCRQ from a fresh tunnel ID, skips replies addressed to other
 * tunnels and the server's ZLB acknowledgements, and says goodbye to a tunnel the server opened
 * (a StopCCN) or acknowledges the StopCCN it sent (a ZLB).
 */
final class L2tpConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(L2tpConversation.class);

    private final ConversationContext context;
    private final int tunnelId;
    private final L2tpControlMessage sccrq;
    private boolean acknowledged;

    /**
     * @param context the probe's context
     * @param hostName the Host Name AVP to send, non-empty
     * @param tunnelId our tunnel ID, 1-65535
     */
    L2tpConversation(ConversationContext context, String hostName, int tunnelId) {
        this.context = context;
        this.tunnelId = tunnelId;
        this.sccrq = L2tpControlMessage.sccrq(hostName, tunnelId, "portqry");
    }

    @Override
    public ByteBuf start() {
        ByteBuf out = context.alloc().buffer();
        sccrq.encode(out);
        return out;
    }

    @Override
    public Step onReceive(ByteBuf in) {
        L2tpControlMessage m = L2tpControlMessage.decode(in);
        if (m.tunnelId() != tunnelId) {
            log.debug("ignoring {}: addressed to tunnel {}, ours is {}", m, m.tunnelId(), tunnelId);
            return Step.needMore();
        }
        if (m.isZlb()) {
            acknowledged = true;
            return Step.needMore();
        }
        L2tpResult result = L2tpResult.of(m, acknowledged);
        int nr = (m.ns() + 1) & 0xffff;
        if (result.assignedTunnelId().isEmpty()) {
            return Step.done(result);
        }
        int peer = result.assignedTunnelId().getAsInt();
        L2tpControlMessage farewell = result.messageType().equals(L2tpMessageType.STOPCCN)
                // Section 5.7: the receiver of a StopCCN acknowledges it (a ZLB).
                ? new L2tpControlMessage(peer, 0, 1, nr, List.of())
                : L2tpControlMessage.stopCcn(peer, tunnelId, 1, nr);
        ByteBuf out = context.alloc().buffer();
        farewell.encode(out);
        return Step.done(result, out);
    }
}
