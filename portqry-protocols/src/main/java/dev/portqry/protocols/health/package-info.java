/**
 * Health checks as library API: a {@link dev.portqry.protocols.health.HealthCheck} names a target,
 * a port and the state it should be in, and optionally an {@link dev.portqry.protocols.health.Expectation}
 * on the typed answer of that port's responder (an LDAP attribute present or equal to a value,
 * an RPC interface registered with the endpoint mapper and its dynamic port reachable, the
 * Kerberos realm and clock skew, LDAPS certificate days left, SMB signing required).
 * {@link dev.portqry.protocols.health.HealthChecks#runAll} runs a set of checks concurrently, each
 * within its own deadline, and always completes with one {@link dev.portqry.protocols.health.CheckResult}
 * per check: a verdict, UP or DOWN, with the reason. Checks come from code (the builder) or from a
 * small line-format file ({@link dev.portqry.protocols.health.HealthConfig}).
 *
 * <p>No scheduler, server or logging binding lives here: an application schedules the runs its
 * own way (the examples module has a scheduler and a {@code /health} HTTP server on top).
 */
package dev.portqry.protocols.health;
