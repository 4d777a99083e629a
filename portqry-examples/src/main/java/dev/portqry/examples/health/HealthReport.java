package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthState;
import java.util.List;
import java.util.Optional;

/**
 * Every check's current state, in declaration order.
 *
 * @param checks the checks' reports; copied
 */
public record HealthReport(List<CheckReport> checks) {
    /** Copies the list. */
    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** @return UP when there are checks and every one is UP, UNKNOWN when none is DOWN but some have not run, else DOWN */
    public HealthState state() {
        if (checks.stream().anyMatch(c -> c.state() == HealthState.DOWN) || checks.isEmpty()) {
            return HealthState.DOWN;
        }
        return checks.stream().allMatch(c -> c.state() == HealthState.UP) ? HealthState.UP : HealthState.UNKNOWN;
    }

    /**
     * @param name a check's name
     * @return its report, if such a check exists
     */
    public Optional<CheckReport> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
