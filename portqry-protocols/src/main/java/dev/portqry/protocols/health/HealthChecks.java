package dev.portqry.protocols.health;

import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a set of {@link HealthCheck}s once, concurrently: the library's health-check runner. An
 * application calls it from its own schedule or health endpoint:
 *
 * <pre>{@code
 * List<HealthCheck> checks = List.of(
 *         HealthCheck.builder("dc1-ldap").target("dc1.corp.example.test").tcp(389)
 *                 .expectation(Expectations.ldapAttributePresent("dnsHostName")).build(),
 *         HealthCheck.builder("dc1-drsuapi").target("dc1.corp.example.test").tcp(135)
 *                 .expectation(Expectations.rpcInterfaceReachable("DRSUAPI")).build());
 * List<CheckResult> results = HealthChecks.runAll(probe, probe.defaultOptions(), checks).join();
 * boolean up = results.stream().allMatch(r -> r.state() == HealthState.UP);
 * }</pre>
 *
 * <p>Each TCP probe runs its protocol query on the connection that proved the port
 * ({@link dev.portqry.core.ConnectionMode#SHARED}, the default), so a monitored server logs one
 * normal connection per check and run; options with
 * {@link dev.portqry.core.ConnectionMode#SEPARATE} give PortQry's two connections instead.
 */
public final class HealthChecks {
    private HealthChecks() {
    }

    /**
     * @param probe the probe to run them with; not null
     * @param options the base options each check starts from; not null
     * @param checks the checks, with unique names; not null
     * @return the results in the checks' order; completes when the last check has, each within its
     *     own {@link HealthCheck#deadline()}, and never exceptionally (a fault is a DOWN result)
     * @throws IllegalArgumentException when two checks share a name
     */
    public static CompletableFuture<List<CheckResult>> runAll(PortProbe probe, ProbeOptions options,
                                                              List<HealthCheck> checks) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(options, "options");
        Set<String> names = new HashSet<>();
        for (HealthCheck c : Objects.requireNonNull(checks, "checks")) {
            if (!names.add(Objects.requireNonNull(c, "check").name())) {
                throw new IllegalArgumentException("check names must be unique, " + c.name() + " is used twice");
            }
        }
        List<CompletableFuture<CheckResult>> runs = new ArrayList<>(checks.size());
        for (HealthCheck c : checks) {
            runs.add(c.run(probe, options));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .thenApply(v -> runs.stream().map(CompletableFuture::join).toList());
    }
}
