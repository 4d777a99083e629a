package dev.portqry.protocols.health;

/** The verdict of one health check, or of all of them. */
public enum HealthState {
    /** The port is in the expected state and the expectation, if any, holds. */
    UP,
    /** Anything else: another port state, an unmet expectation, a fault, or the deadline passed. */
    DOWN,
    /** The check has not finished its first run yet. */
    UNKNOWN
}
