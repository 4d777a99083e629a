/**
 * The health check in the shapes application frameworks expect, without depending on any
 * framework: {@link dev.portqry.examples.integration.PortqryHealth} gives a non-blocking
 * {@code CompletableFuture} (what Spring Boot's {@code ReactiveHealthIndicator} wraps in a
 * {@code Mono}) and a synchronous latest view (what a MicroProfile {@code @Readiness}
 * {@code HealthCheck} returns), both as {@link dev.portqry.examples.integration.FrameworkHealth}:
 * up or down plus details. The framework classes themselves are ten-line snippets in
 * {@code EXAMPLES.md}; each application compiles them against its own framework version.
 */
package dev.portqry.examples.integration;
