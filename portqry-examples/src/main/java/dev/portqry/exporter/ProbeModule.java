package dev.portqry.exporter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named probe recipe, as a {@code blackbox.yml} module is: which ports to probe, what each must
 * answer, responder settings, and the longest a probe may take.
 *
 * <p>{@code probe_success} is 1 when every required port is in its expected state (or, when no
 * port is required, at least one port is LISTENING), every expectation of a listening port is
 * met, every {@linkplain #kerberosAnswer() Kerberos port} answered with a Kerberos message and,
 * with {@link #rpcDynamicPorts()}, the endpoint mapper listed dynamic TCP ports and every one
 * of them accepts a connection.
 *
 * @param name letters, digits and {@code _}, 1-64 characters; the {@code module} parameter
 * @param description one line for the index page, not null
 * @param ports the ports, in probe order; not empty, each protocol/port once
 * @param rpcDynamicPorts whether to dump the endpoint mapper (TCP 135, which must be among the
 *        ports) and probe every dynamic TCP port it lists
 * @param kerberosAnswer whether a listening Kerberos port (88) must answer with a Kerberos message
 * @param timeout the longest a probe may take when Prometheus sends no scrape timeout, and the
 *        cap when it does; 100 ms to 5 min
 * @param settings responder settings by name (e.g. {@code snmp.community}), as text
 */
public record ProbeModule(String name, String description, List<ModulePort> ports, boolean rpcDynamicPorts,
                          boolean kerberosAnswer, Duration timeout, Map<String, String> settings) {
    /** The timeout when a module sets none: blackbox's default scrape timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest timeout a module may set. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /** Copies and checks every field, naming the one that is wrong. */
    public ProbeModule {
        if (name == null || !name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("module name must be 1-64 letters, digits or '_', was " + name);
        }
        Objects.requireNonNull(description, "description");
        ports = List.copyOf(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("ports must not be empty (module " + name + ")");
        }
        if (ports.stream().map(ModulePort::key).distinct().count() != ports.size()) {
            throw new IllegalArgumentException("ports must name each protocol/port once (module " + name + ")");
        }
        if (rpcDynamicPorts && ports.stream().noneMatch(p -> p.key().equals("tcp/135"))) {
            throw new IllegalArgumentException("rpc_dynamic_ports needs tcp/135 among the ports (module " + name + ")");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be 100ms to 5m, was " + timeout + " (module " + name + ")");
        }
        settings = Map.copyOf(new LinkedHashMap<>(settings));
    }

    /**
     * @param name the module's name
     * @param description one line
     * @param ports the ports
     * @return a module without extra checks, with {@link #DEFAULT_TIMEOUT} and no settings
     */
    public static ProbeModule of(String name, String description, List<ModulePort> ports) {
        return new ProbeModule(name, description, ports, false, false, DEFAULT_TIMEOUT, Map.of());
    }

    /** @return whether any port is required */
    public boolean hasRequiredPorts() {
        return ports.stream().anyMatch(ModulePort::required);
    }

    /** @return the ports as {@code tcp/389 tcp/636 ...}, required ones marked with {@code *} */
    public String portSummary() {
        List<String> out = new ArrayList<>();
        for (ModulePort p : ports) {
            out.add(p.key() + (p.required() ? "*" : "") + p.expectation().map(e -> " (" + e + ")").orElse(""));
        }
        return String.join(", ", out);
    }
}
