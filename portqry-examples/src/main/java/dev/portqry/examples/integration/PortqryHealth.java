package dev.portqry.examples.integration;

import dev.portqry.examples.health.HealthMonitor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The adapter a framework's health class delegates to: {@link #checkNow()} for reactive
 * indicators (non-blocking, runs every check within its deadline), {@link #latest()} for
 * synchronous ones that must answer at once (the monitor's schedule keeps it fresh).
 * Thread-safe.
 *
 * <pre>{@code
 * // Spring Boot (reactive):  Mono.fromFuture(health.checkNow()).map(h -> (h.up() ? Health.up() : Health.down())
 * //                                  .withDetails(h.details()).build())
 * // MicroProfile @Readiness: FrameworkHealth h = health.latest(); ... .status(h.up()) ...
 * }</pre>
 */
public final class PortqryHealth {
    private final HealthMonitor monitor;

    /**
     * @param monitor the monitor holding the checks, not null; started when {@link #latest()} is used
     */
    public PortqryHealth(HealthMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /** @return a fresh run of every check, completing when the last one has (never exceptionally) */
    public CompletableFuture<FrameworkHealth> checkNow() {
        return monitor.runOnce().thenApply(FrameworkHealth::of);
    }

    /** @return the latest scheduled results, at once; not up until every check has run */
    public FrameworkHealth latest() {
        return FrameworkHealth.of(monitor.report());
    }
}
