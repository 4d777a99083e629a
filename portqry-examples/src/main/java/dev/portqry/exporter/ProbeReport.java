package dev.portqry.exporter;

import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.protocols.kerberos.KerberosResult;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@code /probe} request learned, from which {@link ProbeMetrics} writes the
 * exposition.
 *
 * @param module the module run, not null
 * @param target the target as requested, not null
 * @param address the address probed; empty when the name did not resolve in time
 * @param dnsLookup how long resolving took
 * @param ports each module port's outcome, in module order; empty when the name did not resolve
 * @param dynamicPorts the endpoint mapper's dynamic TCP ports and their states, when the module
 *        checks them and the endpoint mapper answered
 * @param duration how long the whole probe took
 * @param failure why the probe failed before probing ports (e.g. the name did not resolve), or empty
 */
public record ProbeReport(ProbeModule module, String target, Optional<InetAddress> address, Duration dnsLookup,
                   List<PortResult> ports, Optional<List<PortStatus>> dynamicPorts, Duration duration,
                   Optional<String> failure) {
    /** Copies and checks for nulls. */
    public ProbeReport {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dnsLookup, "dnsLookup");
        ports = List.copyOf(ports);
        Objects.requireNonNull(dynamicPorts, "dynamicPorts");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(failure, "failure");
    }

    /** @return {@code probe_success}: see {@link ProbeModule} for the rule */
    public boolean success() {
        if (failure.isPresent() || ports.isEmpty()) {
            return false;
        }
        boolean portsOk = module.hasRequiredPorts()
                ? ports.stream().filter(p -> p.port().required()).allMatch(PortResult::healthy)
                : ports.stream().anyMatch(PortResult::listening);
        boolean expectationsOk = ports.stream().filter(PortResult::listening)
                .allMatch(p -> p.expectation().map(e -> e.met()).orElse(true));
        boolean kerberosOk = !module.kerberosAnswer() || ports.stream()
                .filter(p -> p.port().port() == 88 && p.listening())
                .allMatch(p -> p.status().result(KerberosResult.class).isPresent());
        return portsOk && expectationsOk && kerberosOk && dynamicPortsOk();
    }

    /** @return whether the module's dynamic-port check passed (true when it has none) */
    public boolean dynamicPortsOk() {
        if (!module.rpcDynamicPorts()) {
            return true;
        }
        return dynamicPorts.map(list -> !list.isEmpty() && list.stream().allMatch(s -> s.state() == PortState.LISTENING))
                .orElse(false);
    }
}
