package dev.portqry.protocols.msrpc;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import java.util.List;
import java.util.Objects;

/**
 * Where one interface is reachable, as {@code ept_map} answered (C706 appendix O): the result
 * of {@link EndpointMapperResponder} when {@link EndpointMapperResponder#MAP_INTERFACE} is set.
 * An interface the server does not know gives an empty list, not an error.
 *
 * @param interfaceId the interface asked for, not null
 * @param endpoints the endpoints the server mapped it to, not null
 */
public record EndpointMapResult(RpcInterfaceId interfaceId, List<RpcEndpoint> endpoints) implements ResponderResult {

    /** Copies the list. */
    public EndpointMapResult {
        Objects.requireNonNull(interfaceId, "interfaceId");
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
    }

    /** @return the distinct TCP ports of the {@code ncacn_ip_tcp} endpoints, ascending */
    public List<Integer> tcpPorts() {
        return EndpointReport.tcpPorts(endpoints);
    }

    /** @return the same section as {@link EndpointMapperResult#reportLines()}, listing the mapped endpoints */
    @Override
    public List<String> reportLines() {
        return EndpointReport.lines(endpoints, "");
    }

    /** @return e.g. {@code DRSUAPI e3514235-... v4.0 -> ncacn_ip_tcp:0.0.0.0[49153]} */
    @Override
    public String summary() {
        String name = WellKnownInterfaces.nameOf(interfaceId.uuid()).map(n -> n + " ").orElse("");
        return SafeText.escape(name + interfaceId + " -> " + (endpoints.isEmpty() ? "not registered"
                : String.join(", ", endpoints.stream().map(RpcEndpoint::stringBinding).toList())));
    }
}
