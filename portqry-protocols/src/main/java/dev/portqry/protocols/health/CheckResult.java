package dev.portqry.protocols.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of one {@link HealthCheck}.
 *
 * @param name the check's name, not null
 * @param state {@link HealthState#UP} or {@link HealthState#DOWN}, not null
 * @param reason what was seen, e.g. {@code TCP port 389 LISTENING; dnsHostName=dc1.corp.example.test}; not null
 * @param elapsed how long the run took, not null
 * @param checkedAt when it finished, not null
 */
public record CheckResult(String name, HealthState state, String reason, Duration elapsed, Instant checkedAt) {
    /** Checks for nulls. */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
