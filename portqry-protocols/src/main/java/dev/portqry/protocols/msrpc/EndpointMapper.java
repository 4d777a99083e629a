package dev.portqry.protocols.msrpc;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Library entry points for the endpoint mapper beyond PortQry's automatic dump on port 135:
 * "where is DRSUAPI?" ({@link #map}) and a dump on any port ({@link #dump}). Both run through a
 * {@link PortProbe} whose registry holds {@link EndpointMapperResponder} (the default registry
 * does), so they share its sockets, timeouts and caps, and complete with a {@link PortStatus}:
 * read the answer with {@code status.result(EndpointMapResult.class)} or
 * {@code status.result(EndpointMapperResult.class)}; silence, refusal and faults stay in the status.
 *
 * <pre>{@code
 * PortStatus s = EndpointMapper.map(probe, "dc1.corp.example.test", 135, WellKnownInterfaces.parse("DRSUAPI"),
 *         probe.defaultOptions()).join();
 * List<Integer> ports = s.result(EndpointMapResult.class).map(EndpointMapResult::tcpPorts).orElse(List.of());
 * }</pre>
 */
public final class EndpointMapper {
    /** The endpoint mapper's well-known port. */
    public static final int PORT = 135;

    private EndpointMapper() {
    }

    /**
     * Options that make a probe ask {@code ept_map} for one interface over {@code ncacn_ip_tcp}.
     *
     * @param base the options to start from, not null
     * @param interfaceId the interface, not null
     * @return the options, forcing the {@code msrpc} responder
     */
    public static ProbeOptions mapOptions(ProbeOptions base, RpcInterfaceId interfaceId) {
        Objects.requireNonNull(interfaceId, "interfaceId");
        return base.toBuilder()
                .responder(ResponderSelection.forced(EndpointMapperResponder.NAME))
                .set(EndpointMapperResponder.MAP_INTERFACE,
                        interfaceId.uuid() + ":" + interfaceId.majorVersion() + "." + interfaceId.minorVersion())
                .build();
    }

    /**
     * Options that make a probe dump the endpoint map whatever the port.
     *
     * @param base the options to start from, not null
     * @return the options, forcing the {@code msrpc} responder without a map interface
     */
    public static ProbeOptions dumpOptions(ProbeOptions base) {
        return base.toBuilder()
                .responder(ResponderSelection.forced(EndpointMapperResponder.NAME))
                .set(EndpointMapperResponder.MAP_INTERFACE, "")
                .build();
    }

    /**
     * Asks the endpoint mapper over TCP where an interface listens.
     *
     * @param probe the probe, its registry holding the {@code msrpc} responder; not null
     * @param target a name or IP literal, not blank
     * @param port the endpoint mapper's port, normally {@link #PORT}
     * @param interfaceId the interface, e.g. {@code WellKnownInterfaces.parse("DRSUAPI")}; not null
     * @param options the options to start from, not null
     * @return the status; its result is an {@link EndpointMapResult} when the mapper answered
     */
    public static CompletableFuture<PortStatus> map(PortProbe probe, String target, int port, RpcInterfaceId interfaceId,
                                                    ProbeOptions options) {
        return probe.probe(target, Protocol.TCP, port, mapOptions(options, interfaceId));
    }

    /**
     * Dumps the endpoint map.
     *
     * @param probe the probe, its registry holding the {@code msrpc} responder; not null
     * @param target a name or IP literal, not blank
     * @param protocol TCP (connection-oriented) or UDP (connectionless), not null
     * @param port the endpoint mapper's port, normally {@link #PORT}
     * @param options the options to start from, not null
     * @return the status; its result is an {@link EndpointMapperResult} when the mapper answered
     */
    public static CompletableFuture<PortStatus> dump(PortProbe probe, String target, Protocol protocol, int port,
                                                     ProbeOptions options) {
        return probe.probe(target, protocol, port, dumpOptions(options));
    }
}
