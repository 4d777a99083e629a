package dev.portqry.examples.health;

import static org.assertj.core.api.Assertions.assertThat;


import dev.portqry.core.PortProbe;
import dev.portqry.testkit.LoopbackPorts;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Micrometer meters, and the promise that nothing but the metrics classes needs Micrometer. */
class HealthMetricsTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void gaugeTimerAndChangeCounterPerCheck() throws Exception {
        int closed = LoopbackPorts.closedTcpPort(LO);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PortProbe probe = LoopbackChecks.probe();
             ServerSocket listening = LoopbackPorts.tcpListener(LO);
             HealthMonitor monitor = HealthMonitor.builder(probe)
                     .add(LoopbackChecks.listening("open", listening.getLocalPort()))
                     .add(LoopbackChecks.listening("shut", closed)).build()) {
            new HealthMetrics(monitor).bindTo(registry);
            assertThat(registry.get("portqry.health.up").tag("check", "open").gauge().value()).isZero();
            monitor.runOnce().join();
            monitor.runOnce().join();

            assertThat(registry.get("portqry.health.up").tag("check", "open").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("portqry.health.up").tag("check", "shut").gauge().value()).isZero();
            assertThat(registry.get("portqry.health.run").tag("check", "open").tag("state", "UP").timer().count()).isEqualTo(2);
            assertThat(registry.get("portqry.health.run").tag("check", "shut").tag("state", "DOWN").timer().count()).isEqualTo(2);
            assertThat(registry.get("portqry.health.changes").tag("check", "open").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void probeMetricsCountResultsAndErrorsFromListenerEvents() throws Exception {
        int closed = LoopbackPorts.closedTcpPort(LO);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PortProbe probe = PortProbe.builder().listener(new ProbeMetrics(registry)).build();
             ServerSocket listening = LoopbackPorts.tcpListener(LO)) {
            ProbeOptions plain = ProbeOptions.builder().responder(ResponderSelection.NONE).build();
            probe.probe(LO, Protocol.TCP, listening.getLocalPort(), plain).get(10, TimeUnit.SECONDS);
            probe.probe(LO, Protocol.TCP, closed, plain).get(10, TimeUnit.SECONDS);
            probe.probe(LO, Protocol.TCP, closed, plain).get(10, TimeUnit.SECONDS);

            // probeEnd runs as the future completes, possibly just after get() returns
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (registry.find("portqry.probe.results").tag("state", "NOT_LISTENING").counters().stream()
                    .mapToDouble(c -> c.count()).sum() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(registry.get("portqry.probe.results").tag("protocol", "TCP").tag("state", "LISTENING").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("portqry.probe.results").tag("state", "NOT_LISTENING").counter().count()).isEqualTo(2.0);
            assertThat(registry.get("portqry.probe.network.errors").tag("meaning", "connection refused").counter().count())
                    .isEqualTo(2.0);
        }
    }

    @Test
    void onlyHealthMetricsNamesMicrometer() throws IOException, URISyntaxException {
        Path classes = Path.of(HealthMonitor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> users;
        try (Stream<Path> files = Files.walk(classes)) {
            users = files.filter(p -> p.toString().endsWith(".class")).filter(HealthMetricsTest::namesMicrometer)
                    .map(p -> classes.relativize(p).toString()).toList();
        }
        assertThat(users).containsExactlyInAnyOrder("dev/portqry/examples/health/HealthMetrics.class",
                "dev/portqry/examples/health/ProbeMetrics.class");
    }

    private static boolean namesMicrometer(Path classFile) {
        try {
            // Class references sit in the constant pool as UTF-8 internal names.
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/micrometer/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
