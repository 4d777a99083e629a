package dev.portqry.protocols.l2tp;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PortQry's L2TP helper (UDP 1701): a Start-Control-Connection-Request (RFC 2661 section 6.1)
 * whose answer, SCCRP or StopCCN, proves the port LISTENING and names the server (Host Name,
 * Vendor Name, Firmware Revision) or why it refused (Result Code). A tunnel the server agreed
 * to is torn down at once with a StopCCN; a StopCCN is acknowledged with a ZLB.
 *
 * <pre>{@code
 * PortStatus st = probe.probe("vpn.example.test", Protocol.UDP, 1701).join();
 * st.result(L2tpResult.class).flatMap(L2tpResult::hostName).ifPresent(System.out::println);
 * }</pre>
 */
public final class L2tpResponder implements ProtocolResponder {
    /** Protocol name in decode errors. */
    static final String PROTOCOL = "L2TP";
    /** The Host Name AVP this client sends; default {@code portqry}. */
    public static final ResponderSetting<String> HOST_NAME = ResponderSetting.of("l2tp.hostName", String.class, "portqry");
    private static final Logger log = LoggerFactory.getLogger(L2tpResponder.class);

    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public L2tpResponder() {
    }

    @Override
    public String name() {
        return "l2tp";
    }

    @Override
    public String displayName() {
        return PROTOCOL;
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.udp(1701));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("l2tp", "l2f");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    /**
     * @throws IllegalArgumentException when {@link #HOST_NAME} is empty
     */
    @Override
    public Conversation open(ConversationContext context) {
        String host = context.setting(HOST_NAME);
        if (host.isEmpty()) {
            throw new IllegalArgumentException(HOST_NAME.name() + " must not be empty");
        }
        int tunnelId = ThreadLocalRandom.current().nextInt(1, 0x10000);
        L2tpControlMessage sccrq = L2tpControlMessage.sccrq(host, tunnelId, "portqry");
        return new Conversation() {
            private boolean acknowledged;

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
                        ? new L2tpControlMessage(peer, 0, 1, nr, java.util.List.of())
                        : L2tpControlMessage.stopCcn(peer, tunnelId, 1, nr);
                ByteBuf out = context.alloc().buffer();
                farewell.encode(out);
                return Step.done(result, out);
            }
        };
    }
}
