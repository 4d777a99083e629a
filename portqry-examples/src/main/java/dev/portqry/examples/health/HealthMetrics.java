package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.protocols.health.HealthState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Micrometer meters for a {@link HealthMonitor}: the only class here that names Micrometer,
 * which is an optional dependency. Nothing else loads this class, so an application without
 * Micrometer on its class path runs the health check unchanged; one with Micrometer binds it.
 *
 * <ul>
 * <li>{@code portqry.health.up} gauge per check (tag {@code check}): 1 when UP, 0 otherwise</li>
 * <li>{@code portqry.health.run} timer per check and result (tags {@code check}, {@code state}):
 *     how long each run took</li>
 * <li>{@code portqry.health.changes} counter per check: state changes</li>
 * </ul>
 *
 * <pre>{@code
 * new HealthMetrics(monitor).bindTo(meterRegistry);   // Spring Boot binds any MeterBinder bean itself
 * }</pre>
 */
public final class HealthMetrics implements MeterBinder {
    private final HealthMonitor monitor;

    /**
     * @param monitor the monitor to measure, not null
     */
    public HealthMetrics(HealthMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /** Registers the gauges now, and the timers and counters as runs finish. */
    @Override
    public void bindTo(MeterRegistry registry) {
        for (HealthCheck check : monitor.checks()) {
            String name = check.name();
            Gauge.builder("portqry.health.up", monitor,
                            m -> m.report().check(name).filter(r -> r.state() == HealthState.UP).isPresent() ? 1 : 0)
                    .tag("check", name).description("1 when the portqry health check is UP").register(registry);
        }
        monitor.addListener((result, report, changed) -> {
            Timer.builder("portqry.health.run").tag("check", result.name()).tag("state", result.state().name())
                    .description("duration of one portqry health check run").register(registry)
                    .record(result.elapsed());
            if (changed) {
                Counter.builder("portqry.health.changes").tag("check", result.name())
                        .description("state changes of the portqry health check").register(registry).increment();
            }
        });
    }
}
