package dev.portqry.protocols.msrpc;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The firewall check PortQry lacks: probes every distinct {@code ncacn_ip_tcp} port the endpoint
 * mapper listed, on the address that answered, and reports each one's state. "The RPC server is
 * unavailable" usually means 135 answers but a dynamic port is FILTERED. Opt-in: nothing calls it
 * unless the caller does. Port-state probes only (no protocol query), all at once.
 *
 * <pre>{@code
 * PortStatus epm = probe.probe("dc1.corp.example.test", Protocol.TCP, 135).join();
 * for (PortStatus s : DynamicPortCheck.check(probe, epm, probe.defaultOptions()).join()) {
 *     System.out.println(s.portQryLine());
 * }
 * }</pre>
 */
public final class DynamicPortCheck {
    private DynamicPortCheck() {
    }

    /**
     * Checks the ports of the dump a probe of the endpoint mapper produced.
     *
     * @param probe the probe to use, not null
     * @param endpointMapper the status of the endpoint-mapper probe, not null
     * @param options the options for the port probes (their responder selection is ignored), not null
     * @return the statuses in ascending port order; empty when the status carries no dump or mapping
     */
    public static CompletableFuture<List<PortStatus>> check(PortProbe probe, PortStatus endpointMapper, ProbeOptions options) {
        List<Integer> ports = endpointMapper.result(EndpointMapperResult.class).map(EndpointMapperResult::tcpPorts)
                .or(() -> endpointMapper.result(EndpointMapResult.class).map(EndpointMapResult::tcpPorts))
                .orElse(List.of());
        return check(probe, endpointMapper.address(), ports, options);
    }

    /**
     * @param probe the probe to use, not null
     * @param address the server's address (the one the dump came from), not null
     * @param dump the dump whose {@code ncacn_ip_tcp} ports to check, not null
     * @param options the options for the port probes (their responder selection is ignored), not null
     * @return the statuses in ascending port order
     */
    public static CompletableFuture<List<PortStatus>> check(PortProbe probe, InetAddress address, EndpointMapperResult dump,
                                                            ProbeOptions options) {
        return check(probe, address, dump.tcpPorts(), options);
    }

    /**
     * @param probe the probe to use, not null
     * @param address the server's address, not null
     * @param ports TCP ports 1-65535; duplicates are probed once
     * @param options the options for the port probes (their responder selection is ignored), not null
     * @return the statuses in ascending port order; completes within
     *     {@link PortProbe#deadline(Protocol, ProbeOptions)} plus {@link PortProbe#GRACE} as each
     *     probe does, failing with the first probe's failure (the others are then cancelled);
     *     cancelling it cancels every probe
     * @throws IllegalArgumentException when a port is out of range
     * @throws IllegalStateException when {@code probe} is closed
     */
    public static CompletableFuture<List<PortStatus>> check(PortProbe probe, InetAddress address, Collection<Integer> ports,
                                                            ProbeOptions options) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ports, "ports");
        ProbeOptions plain = options.toBuilder().responder(ResponderSelection.NONE).build();
        List<CompletableFuture<PortStatus>> futures = new ArrayList<>();
        try {
            for (int port : new TreeSet<>(ports)) {
                futures.add(probe.probe(address, Protocol.TCP, port, plain));
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(false)); // a bad port or a closed probe: start nothing, leave nothing running
            throw e;
        }
        CompletableFuture<List<PortStatus>> all = new CompletableFuture<>();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (e == null) {
                all.complete(futures.stream().map(CompletableFuture::join).toList());
            }
        });
        for (CompletableFuture<PortStatus> f : futures) {
            f.whenComplete((s, e) -> {
                if (e != null) {
                    all.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e);
                }
            });
        }
        all.whenComplete((v, e) -> {
            if (e != null) {
                futures.forEach(f -> f.cancel(false));
            }
        });
        return all;
    }

    /**
     * Lines for a report: a header, PortQry's status line per port, and an end marker.
     *
     * @param statuses the statuses {@link #check} produced, not null
     * @return the lines
     */
    public static List<String> reportLines(List<PortStatus> statuses) {
        List<String> out = new ArrayList<>(statuses.size() + 3);
        out.add("Checking the " + statuses.size() + " dynamic RPC ports listed by the endpoint mapper...");
        out.add("");
        statuses.forEach(s -> out.add(s.portQryLine()));
        out.add("");
        out.add("==== End of dynamic RPC port check ====");
        return List.copyOf(out);
    }
}
