/**
 * Runnable, tested examples of the portqry library: {@code quickstart} (probe, scan, typed LDAP
 * and endpoint-mapper results), {@code health} (an embeddable, scheduled health check served as
 * JSON over HTTP), {@code custom} (a responder for a protocol portqry does not ship: Redis
 * {@code PING}) and {@code integration} (the same checks in Spring Boot's and MicroProfile
 * Health's shapes, without either framework). {@code EXAMPLES.md} beside the module's pom walks
 * through each one.
 */
package dev.portqry.examples;
