package dev.portqry.protocols.l2tp;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "l2tp";
    /** Protocol name in decode errors. */
    public static final String PROTOCOL = "L2TP";
    /** The Host Name AVP this client sends (RFC 2661 section 4.4.3: at least one octet); default {@code portqry}. */
    public static final ResponderSetting<String> HOST_NAME =
            ResponderSetting.of("l2tp.hostName", String.class, "portqry", h -> !h.isEmpty(), "non-empty");

    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public L2tpResponder() {
    }

    @Override
    public String name() {
        return NAME;
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

    @Override
    public Conversation open(ConversationContext context) {
        return new L2tpConversation(context, context.setting(HOST_NAME), ThreadLocalRandom.current().nextInt(1, 0x10000));
    }
}
