package dev.portqry.protocols.netbios;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import java.util.Set;

/**
 * NetBIOS name service on UDP 137: a node status (NBSTAT) request for the wildcard name
 * {@code *} (RFC 1002 4.2.17), answered with the node's name table and its MAC address
 * (RFC 1002 4.2.18). The typed result is a {@link NodeStatusResult}. Like PortQry it always
 * sends from an ephemeral port, whatever source port the options set.
 */
public final class NetBiosResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "netbios";

    /** Creates the responder; it is stateless. */
    public NetBiosResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "NetBIOS";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.udp(137));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("netbios-ns");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    @Override
    public boolean usesEphemeralSourcePort(Protocol protocol) {
        return true;
    }

    /** @return PortQry's line, e.g. {@code Attempting NETBIOS adapter status query to UDP port 137...} */
    @Override
    public String queryBanner(Protocol protocol, int port) {
        return "Attempting NETBIOS adapter status query to " + protocol + " port " + port + "...";
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new NetBiosConversation(context);
    }
}
