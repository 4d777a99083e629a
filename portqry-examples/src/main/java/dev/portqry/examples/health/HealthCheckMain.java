package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.protocols.health.HealthConfig;
import dev.portqry.core.PortProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the health check as a small service: reads checks from a file in {@link HealthConfig}'s
 * format, probes them every 30 s, and serves {@code GET http://127.0.0.1:PORT/health} until
 * killed.
 *
 * <pre>{@code
 * java -cp portqry.jar dev.portqry.protocols.health.HealthCheckMain checks.conf 8080
 * curl -i http://127.0.0.1:8080/health
 * }</pre>
 */
public final class HealthCheckMain {
    private HealthCheckMain() {
    }

    /**
     * @param args the checks file, then optionally the HTTP port (default 8080) and the interval in seconds (default 30)
     * @throws IOException when the HTTP port cannot be bound
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: HealthCheckMain CHECKS-FILE [HTTP-PORT] [INTERVAL-SECONDS]");
            System.exit(2);
        }
        List<HealthCheck> checks = HealthConfig.load(Path.of(args[0]));
        int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        Duration interval = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        try (PortProbe probe = PortProbe.builder().build();
             HealthMonitor monitor = HealthMonitor.builder(probe).addAll(checks).interval(interval).build();
             HealthHttpServer http = HealthHttpServer.start(monitor, httpPort)) {
            monitor.start();
            System.out.println(checks.size() + " checks, GET http://127.0.0.1:" + http.port() + HealthHttpServer.PATH);
            Thread.currentThread().join();
        }
    }
}
