package dev.portqry.cli;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.spi.PortClaim;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one command-line-mode run (or one interactive {@code query}) probes and how.
 *
 * @param targets names or IP literals, in the order given; not empty
 * @param ports protocol and port pairs in PortQry's order (each port, TCP before UDP); not empty
 * @param range whether the ports came from {@code -r} (which skips the endpoint-mapper dump)
 * @param options timeouts, attempts, source port, slow link, reverse lookup, IP preference
 * @param settings responder settings by name (e.g. {@code snmp.community}), as typed
 * @param quiet {@code -q}: print nothing but errors
 * @param json {@code -json}: one JSON object per result instead of PortQry's text
 * @param parallel most probes in flight at once
 * @param rpcPorts {@code -rpcports}: after an endpoint-mapper dump, probe every dynamic TCP port it lists
 */
public record QueryPlan(List<String> targets, List<PortClaim> ports, boolean range, ProbeOptions options,
                        Map<String, String> settings, boolean quiet, boolean json, int parallel, boolean rpcPorts) {
    /** Default {@link #parallel()}: 0, the engine's bound (half the free file descriptors, at most 4096). */
    public static final int DEFAULT_PARALLEL = 0;

    /** Copies and checks the fields. */
    public QueryPlan {
        targets = List.copyOf(targets);
        ports = List.copyOf(ports);
        Objects.requireNonNull(options, "options");
        settings = Map.copyOf(settings);
        if (targets.isEmpty() || ports.isEmpty()) {
            throw new IllegalArgumentException("a query needs a target and a port");
        }
    }

    /** A plan without the dynamic RPC port check. */
    public QueryPlan(List<String> targets, List<PortClaim> ports, boolean range, ProbeOptions options,
                     Map<String, String> settings, boolean quiet, boolean json, int parallel) {
        this(targets, ports, range, options, settings, quiet, json, parallel, false);
    }
}
