package dev.portqry.examples.health;

import dev.portqry.protocols.health.CheckResult;
import dev.portqry.protocols.health.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The current state of one check as the {@link HealthMonitor} keeps it: its latest result and
 * when its state last changed.
 *
 * @param name the check's name, not null
 * @param state the latest state; {@link HealthState#UNKNOWN} before the first run; not null
 * @param reason the latest reason, {@code not run yet} before the first run; not null
 * @param elapsed how long the latest run took, zero before the first run; not null
 * @param checkedAt when the latest run finished, empty before the first run; not null
 * @param lastChange when the state last changed (the monitor's start before the first run); not null
 */
public record CheckReport(String name, HealthState state, String reason, Duration elapsed, Optional<Instant> checkedAt,
                          Instant lastChange) {
    /** Checks for nulls. */
    public CheckReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(lastChange, "lastChange");
    }

    /**
     * @param name the check's name
     * @param since when the monitor started
     * @return the report of a check that has not run
     */
    static CheckReport notRunYet(String name, Instant since) {
        return new CheckReport(name, HealthState.UNKNOWN, "not run yet", Duration.ZERO, Optional.empty(), since);
    }

    /**
     * @param result a new result of this check
     * @return the report after it: {@code lastChange} moves only when the state does
     */
    CheckReport next(CheckResult result) {
        Instant changed = result.state() == state ? lastChange : result.checkedAt();
        return new CheckReport(name, result.state(), result.reason(), result.elapsed(), Optional.of(result.checkedAt()), changed);
    }
}
