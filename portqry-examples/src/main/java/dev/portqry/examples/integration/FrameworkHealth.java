package dev.portqry.examples.integration;

import dev.portqry.examples.health.CheckReport;
import dev.portqry.examples.health.HealthReport;
import dev.portqry.protocols.health.HealthState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A health report reduced to what framework health APIs carry: a boolean status and details.
 *
 * @param up whether every check is UP (a check that has not run yet counts as not up)
 * @param details per check name, a map of {@code status}, {@code reason}, {@code elapsedMillis}
 *        and {@code lastChange}: the nested form Spring Boot's {@code Health.withDetails} renders as JSON
 */
public record FrameworkHealth(boolean up, Map<String, Object> details) {
    /** Copies the details, keeping their order. */
    public FrameworkHealth {
        Objects.requireNonNull(details, "details");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * @param report a monitor's report, not null
     * @return its framework view
     */
    public static FrameworkHealth of(HealthReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (CheckReport c : report.checks()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", c.state().name());
            one.put("reason", c.reason());
            one.put("elapsedMillis", c.elapsed().toMillis());
            one.put("lastChange", c.lastChange().toString());
            details.put(c.name(), java.util.Collections.unmodifiableMap(one));
        }
        return new FrameworkHealth(report.state() == HealthState.UP, details);
    }

    /**
     * The flat form MicroProfile's {@code HealthCheckResponseBuilder.withData(String, String)}
     * accepts (its values are strings, longs or booleans only).
     *
     * @return per check name, {@code STATUS: reason}
     */
    public Map<String, String> flatData() {
        Map<String, String> out = new LinkedHashMap<>();
        details.forEach((name, v) -> {
            Map<?, ?> one = (Map<?, ?>) v;
            out.put(name, one.get("status") + ": " + one.get("reason"));
        });
        return out;
    }
}
