package dev.portqry.protocols.ike;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.protocols.ike.internal.IkeSaInitRequest;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PortQry's IPsec helper (UDP 500, and 4500 for NAT traversal): an IKEv2 IKE_SA_INIT request
 * (RFC 7296 section 1.2). Any IKE answer, a full IKE_SA_INIT response or an error such as
 * NO_PROPOSAL_CHOSEN or INVALID_KE_PAYLOAD, proves the port LISTENING; an IKEv1-only responder's
 * INVALID_MAJOR_VERSION notification counts too. Answers for another initiator SPI are ignored.
 *
 * <p>On port 4500 (or with {@link #NON_ESP_MARKER}) the message is preceded by the four zero
 * bytes of the non-ESP marker (RFC 3948 section 2.2, RFC 7296 section 2.23), and the answer's
 * marker is removed.
 *
 * <p>PortQry sends IKE from source port 500, as some gateways only answer that port. Ask for it
 * with {@link dev.portqry.core.ProbeOptions.Builder#sourcePort(int) sourcePort(500)}; when the
 * port is taken (a local IKE daemon) the probe fails with the engine's
 * {@code source port 500 is in use or cannot be bound} error:
 *
 * <pre>{@code
 * ProbeOptions opts = ProbeOptions.builder().sourcePort(500).build();
 * PortStatus st = probe.probe("vpn.example.test", Protocol.UDP, 500, opts).join();
 * st.result(IkeResult.class).ifPresent(r -> System.out.println(r.notifies()));
 * }</pre>
 */
public final class IkeResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "ike";
    /** Protocol name in decode errors. */
    public static final String PROTOCOL = "IKE";
    /** The NAT-traversal port, where the non-ESP marker is always used. */
    public static final int NAT_T_PORT = 4500;
    /**
     * Prefix the query with the non-ESP marker on any port, as on 4500 (for a responder on a
     * non-standard NAT-traversal port); default false.
     */
    public static final ResponderSetting<Boolean> NON_ESP_MARKER = ResponderSetting.of("ike.nonEspMarker", Boolean.class, false);

    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public IkeResponder() {
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
        return Set.of(PortClaim.udp(500), PortClaim.udp(NAT_T_PORT));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("isakmp", "ipsec-nat-t", "ike");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    @Override
    public Conversation open(ConversationContext context) {
        boolean marker = context.remote().getPort() == NAT_T_PORT || context.setting(NON_ESP_MARKER);
        long spi = ThreadLocalRandom.current().nextLong();
        while (spi == 0) {
            spi = ThreadLocalRandom.current().nextLong();
        }
        return new IkeConversation(context, IkeSaInitRequest.build(spi, ThreadLocalRandom.current()), spi, marker);
    }
}
