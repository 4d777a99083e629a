/**
 * A health-check service on top of the library's check model ({@link dev.portqry.protocols.health}):
 * a {@link dev.portqry.examples.health.HealthMonitor} runs the checks on a schedule, keeps each one's
 * latest {@link dev.portqry.examples.health.CheckReport} and logs state changes through slf4j;
 * {@link dev.portqry.examples.health.HealthHttpServer} serves them as JSON on 127.0.0.1.
 * Micrometer is optional: only {@link dev.portqry.examples.health.HealthMetrics} and
 * {@link dev.portqry.examples.health.ProbeMetrics} (a {@link dev.portqry.core.ProbeListener})
 * refer to it, and nothing loads them unless the application does.
 */
package dev.portqry.examples.health;
