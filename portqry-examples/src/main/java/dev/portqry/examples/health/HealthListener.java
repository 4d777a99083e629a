package dev.portqry.examples.health;

import dev.portqry.protocols.health.CheckResult;

/**
 * Hears every finished check run, e.g. to record metrics ({@link HealthMetrics}). Called on the
 * thread that finished the run: return quickly and never block.
 */
@FunctionalInterface
public interface HealthListener {
    /**
     * @param result the run's result
     * @param report the check's report after it
     * @param changed whether the state changed with this run (the first run always changes UNKNOWN)
     */
    void onResult(CheckResult result, CheckReport report, boolean changed);
}
