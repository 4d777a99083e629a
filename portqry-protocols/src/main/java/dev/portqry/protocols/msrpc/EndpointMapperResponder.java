package dev.portqry.protocols.msrpc;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.protocols.msrpc.internal.EpmCall;
import dev.portqry.protocols.msrpc.internal.EptLookupRequest;
import dev.portqry.protocols.msrpc.internal.LookupCall;
import dev.portqry.protocols.msrpc.internal.MapCall;
import java.util.Set;
import java.util.UUID;

/**
 * PortQry's RPC endpoint-mapper helper for TCP and UDP 135: dumps the endpoint map with
 * {@code ept_lookup} (connection-oriented DCE/RPC on TCP, connectionless on UDP) into an
 * {@link EndpointMapperResult}; with {@link #MAP_INTERFACE} set it asks {@code ept_map} where one
 * interface is instead and answers an {@link EndpointMapResult}. Like PortQry it always queries
 * from an ephemeral source port.
 *
 * <pre>{@code
 * PortStatus s = probe.probe("dc1.corp.example.test", Protocol.TCP, 135).join();
 * s.result(EndpointMapperResult.class).ifPresent(d -> d.reportLines().forEach(System.out::println));
 *
 * ProbeOptions where = ProbeOptions.builder().set(EndpointMapperResponder.MAP_INTERFACE, "DRSUAPI").build();
 * probe.probe("dc1.corp.example.test", Protocol.TCP, 135, where).join()
 *      .result(EndpointMapResult.class).ifPresent(m -> System.out.println(m.tcpPorts()));
 * }</pre>
 */
public final class EndpointMapperResponder implements ProtocolResponder {
    /** The responder's name in a registry and in {@code ResponderSelection.forced}. */
    public static final String NAME = "msrpc";

    /**
     * The interface to look up with {@code ept_map} instead of dumping the map: a well-known name
     * ({@code DRSUAPI}), a UUID, or {@code UUID:major.minor} (see {@link WellKnownInterfaces#parse}).
     * Default empty: dump everything.
     */
    public static final ResponderSetting<String> MAP_INTERFACE = ResponderSetting.of("msrpc.map.interface", String.class, "");

    /**
     * The protocol sequence {@code ept_map} asks for: {@code ncacn_ip_tcp} (the default),
     * {@code ncadg_ip_udp}, {@code ncacn_np}, {@code ncacn_http} or {@code ncalrpc}.
     */
    public static final ResponderSetting<String> MAP_PROTOCOL =
            ResponderSetting.of("msrpc.map.protocol", String.class, ProtocolSequence.NCACN_IP_TCP.name());

    /**
     * Entries asked for per {@code ept_lookup} call, 1-500; default 500 (the IDL's maximum).
     * The total is capped by {@link dev.portqry.core.ProbeOptions#maxEntries()}.
     */
    public static final ResponderSetting<Integer> LOOKUP_PAGE_SIZE =
            ResponderSetting.of("msrpc.lookup.pageSize", Integer.class, EptLookupRequest.MAX_ENTRIES,
                    n -> n >= 1 && n <= EptLookupRequest.MAX_ENTRIES, "1-" + EptLookupRequest.MAX_ENTRIES);

    /** Creates the responder; stateless. */
    public EndpointMapperResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "RPC Endpoint Mapper";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(135), PortClaim.udp(135));
    }

    /** @return {@code epmap} (IANA) and {@code loc-srv} (older services files) */
    @Override
    public Set<String> serviceNames() {
        return Set.of("epmap", "loc-srv");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.TCP || protocol == Protocol.UDP;
    }

    /** @return true on both transports: PortQry queries the endpoint mapper from an ephemeral port whatever {@code -sp} says */
    @Override
    public boolean usesEphemeralSourcePort(Protocol protocol) {
        return true;
    }

    /** @return {@code Querying Endpoint Mapper Database...}, PortQry's banner */
    @Override
    public String queryBanner(Protocol protocol, int port) {
        return "Querying Endpoint Mapper Database...";
    }

    @Override
    public Conversation open(ConversationContext context) {
        EpmCall call = call(context);
        int maxStub = context.options().maxReplyBytes();
        if (context.protocol() == Protocol.UDP) {
            return new ClEpmConversation(context.alloc(), call, maxStub, UUID.randomUUID());
        }
        return new CoEpmConversation(context.alloc(), call, maxStub);
    }

    private static EpmCall call(ConversationContext context) {
        String iface = context.setting(MAP_INTERFACE);
        if (iface.isBlank()) {
            int page = context.setting(LOOKUP_PAGE_SIZE);
            return new LookupCall(context.options().maxEntries(), page);
        }
        return new MapCall(WellKnownInterfaces.parse(iface), ProtocolSequence.parse(context.setting(MAP_PROTOCOL)));
    }

    @Override
    public String toString() {
        return "EndpointMapperResponder";
    }
}
