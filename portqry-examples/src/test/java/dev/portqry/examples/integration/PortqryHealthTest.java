package dev.portqry.examples.integration;

import static org.assertj.core.api.Assertions.assertThat;


import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.examples.health.HealthMonitor;
import dev.portqry.testkit.LoopbackPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The adapter through the two framework shapes, written here as plain interfaces with the same
 * method shapes: Spring Boot's reactive indicator returns a deferred value, MicroProfile's check
 * answers synchronously.
 */
class PortqryHealthTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    /** {@code ReactiveHealthIndicator.health()} returns a {@code Mono}; a CompletionStage has its shape. */
    interface ReactiveIndicatorShape {
        CompletionStage<FrameworkHealth> health();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(FrameworkHealth h, String check) {
        return (Map<String, Object>) h.details().get(check);
    }

    @Test
    void reactiveShapeRunsTheChecksAndSynchronousShapeReadsTheLatest() throws Exception {
        int closed = LoopbackPorts.closedTcpPort(LO);
        try (PortProbe probe = PortProbe.builder().defaultOptions(ProbeOptions.builder().tcpAttempts(1).build()).build();
             ServerSocket listening = LoopbackPorts.tcpListener(LO);
             HealthMonitor monitor = HealthMonitor.builder(probe)
                     .add(HealthCheck.builder("open").target(LO.getHostAddress()).tcp(listening.getLocalPort()).build())
                     .add(HealthCheck.builder("shut").target(LO.getHostAddress()).tcp(closed).build()).build()) {
            PortqryHealth health = new PortqryHealth(monitor);
            Supplier<FrameworkHealth> readiness = health::latest;
            ReactiveIndicatorShape indicator = health::checkNow;

            assertThat(readiness.get().up()).as("before any run").isFalse();
            FrameworkHealth fresh = indicator.health().toCompletableFuture().join();
            assertThat(fresh.up()).isFalse();
            assertThat(detail(fresh, "open")).containsEntry("status", "UP");
            assertThat(detail(fresh, "shut")).containsEntry("status", "DOWN")
                    .containsKeys("reason", "elapsedMillis", "lastChange");
            assertThat(readiness.get().flatData()).containsEntry("open", "UP: TCP port " + listening.getLocalPort() + " LISTENING")
                    .hasEntrySatisfying("shut", v -> assertThat(v).startsWith("DOWN: TCP port " + closed + " NOT LISTENING"));
        }
    }
}
