package dev.portqry.protocols.snmp;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import java.util.Set;

/**
 * SNMP on UDP 161: a v2c (or v1) GetRequest for sysDescr.0, sysObjectID.0, sysUpTime.0 and
 * sysName.0 with the configured community (PortQry's {@code -cn !name!}, default
 * {@code public}). The typed result is an {@link SnmpResult}. An agent silently drops a request
 * whose community it does not know (RFC 1157 4.1, RFC 3584 5.2.1), so silence is reported
 * FILTERED with a wrong community named as a likely cause. The query banner is the default
 * {@code Sending SNMP query to UDP port 161...}; PortQry's {@code community name for query:}
 * lines need the options, which a banner cannot see, so {@link SnmpResult#reportLines()} opens
 * with them.
 *
 * <pre>{@code
 * ProbeOptions opts = ProbeOptions.builder().set(SnmpResponder.COMMUNITY, "portqry-ro").build();
 * probe.probe(host, Protocol.UDP, 161, opts).join().result(SnmpResult.class)
 *      .flatMap(SnmpResult::sysName).ifPresent(System.out::println);
 * }</pre>
 */
public final class SnmpResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "snmp";
    /** The community name; default {@code public}, as PortQry. */
    public static final ResponderSetting<String> COMMUNITY = ResponderSetting.of("snmp.community", String.class, "public");
    /** The protocol version: {@code 2c} (the default) or {@code 1}. */
    public static final ResponderSetting<String> VERSION = ResponderSetting.of("snmp.version", String.class, "2c");

    /** Creates the responder; it is stateless. */
    public SnmpResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "SNMP";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.udp(161));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("snmp");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    @Override
    public String silenceHint() {
        return "a wrong community name is a likely cause: SNMP agents silently drop requests with a community they do not know";
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new SnmpConversation(context);
    }
}
