/**
 * An embeddable health check built on portqry: {@link dev.portqry.examples.health.HealthCheck}s
 * declared in code or in a small line-format file ({@link dev.portqry.examples.health.HealthConfig}),
 * each with an expected port state and optionally a protocol {@link dev.portqry.examples.health.Expectation}
 * ("LDAP dnsHostName present", "DRSUAPI's dynamic port reachable", "Kerberos answers for realm X",
 * "LDAPS certificate has more than N days left"); run on a schedule with a deadline per check
 * by a {@link dev.portqry.examples.health.HealthMonitor}, which logs state changes through slf4j;
 * served as JSON by {@link dev.portqry.examples.health.HealthHttpServer} (JDK {@code HttpServer}
 * on 127.0.0.1). Micrometer is optional: only {@link dev.portqry.examples.health.HealthMetrics}
 * refers to it, and nothing loads that class unless the application does.
 */
package dev.portqry.examples.health;
