package dev.portqry.protocols.msrpc;

import dev.portqry.core.spi.ResponderResult;
import java.util.List;
import java.util.Objects;

/**
 * Every entry of a server's endpoint map, as {@code ept_lookup} paged through it (C706
 * appendix O): the result of {@link EndpointMapperResponder} on TCP or UDP 135.
 *
 * <pre>{@code
 * status.result(EndpointMapperResult.class).ifPresent(dump -> dump.tcpPorts().forEach(System.out::println));
 * }</pre>
 *
 * @param endpoints the endpoints in the server's order, not null
 * @param pages how many {@code ept_lookup} calls it took
 * @param truncated whether the list was cut at {@link dev.portqry.core.ProbeOptions#maxEntries()}
 *        or the page cap before the server said it was complete
 */
public record EndpointMapperResult(List<RpcEndpoint> endpoints, int pages, boolean truncated) implements ResponderResult {

    /** Copies the list. */
    public EndpointMapperResult {
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
    }

    /** @return the distinct TCP ports of the {@code ncacn_ip_tcp} endpoints, ascending */
    public List<Integer> tcpPorts() {
        return EndpointReport.tcpPorts(endpoints);
    }

    /**
     * @param interfaceId an interface, not null
     * @return the endpoints registered for that interface UUID (any version)
     */
    public List<RpcEndpoint> endpointsOf(RpcInterfaceId interfaceId) {
        return endpoints.stream().filter(e -> e.interfaceId().uuid().equals(interfaceId.uuid())).toList();
    }

    /**
     * PortQry's section after the {@code Querying Endpoint Mapper Database...} banner:
     * {@code Server's response:}, a blank line, per endpoint {@code UUID: <uuid> <annotation>}
     * (the well-known name when the server gave no annotation) and the string binding followed by
     * a blank line, {@code Total endpoints found: N}, a blank line, and
     * {@code ==== End of RPC Endpoint Mapper query response ====}. A truncated dump says so
     * before the total.
     */
    @Override
    public List<String> reportLines() {
        return EndpointReport.lines(endpoints, truncated ? "(list truncated after " + endpoints.size() + " endpoints)" : "");
    }

    /** @return e.g. {@code 53 endpoints, ncacn_ip_tcp ports [135, 49152, 49153, 49154]} */
    @Override
    public String summary() {
        return endpoints.size() + " endpoints" + (truncated ? " (truncated)" : "") + ", ncacn_ip_tcp ports " + tcpPorts();
    }
}
