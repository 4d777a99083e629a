package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.protocols.health.HealthState;
import static org.assertj.core.api.Assertions.assertThat;


import dev.portqry.core.PortProbe;
import dev.portqry.testkit.LoopbackPorts;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The monitor's rounds, state changes and schedule, and the JSON endpoint's status codes. */
class HealthMonitorHttpTest {
    private static final InetAddress LO = LoopbackChecks.LO;
    private static final String HOST = LoopbackChecks.HOST;
    private static PortProbe probe;

    @BeforeAll
    static void open() {
        probe = LoopbackChecks.probe();
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    private record Response(int status, String body) {
    }

    private static Response request(int port, String method, String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        c.setRequestMethod(method);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            c.disconnect();
        }
    }

    @Test
    void allUpIs200AndOneDownIs503() throws Exception {
        int closed = LoopbackPorts.closedTcpPort(LO);
        try (ServerSocket listening = LoopbackPorts.tcpListener(LO)) {
            HealthCheck open = LoopbackChecks.listening("open", listening.getLocalPort());
            HealthCheck shut = LoopbackChecks.listening("shut", closed);

            try (HealthMonitor monitor = HealthMonitor.builder(probe).add(open).build();
                 HealthHttpServer http = HealthHttpServer.start(monitor, 0)) {
                assertThat(request(http.port(), "GET", "/health").status()).as("before the first round").isEqualTo(503);
                monitor.runOnce().join();
                Response r = request(http.port(), "GET", "/health");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).startsWith("{\"status\":\"UP\",\"checks\":[{\"name\":\"open\",\"status\":\"UP\"");
            }
            try (HealthMonitor monitor = HealthMonitor.builder(probe).add(open).add(shut).build();
                 HealthHttpServer http = HealthHttpServer.start(monitor, 0)) {
                monitor.runOnce().join();
                Response r = request(http.port(), "GET", "/health");
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.body()).startsWith("{\"status\":\"DOWN\"")
                        .contains("{\"name\":\"shut\",\"status\":\"DOWN\",\"reason\":\"TCP port " + closed + " NOT LISTENING");
                assertThat(request(http.port(), "POST", "/health").status()).isEqualTo(405);
                assertThat(request(http.port(), "GET", "/other").status()).isEqualTo(404);
            }
        }
    }

    @Test
    void lastChangeMovesOnlyWhenTheStateDoes() throws Exception {
        ServerSocket listening = LoopbackPorts.tcpListener(LO);
        int port = listening.getLocalPort();
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        try (HealthMonitor monitor = HealthMonitor.builder(probe)
                .add(LoopbackChecks.listening("flappy", port)).build()) {
            monitor.addListener((result, report, changed) -> changes.add(changed));
            CheckReport first = monitor.runOnce().join().check("flappy").orElseThrow();
            CheckReport second = monitor.runOnce().join().check("flappy").orElseThrow();
            listening.close();
            CheckReport third = monitor.runOnce().join().check("flappy").orElseThrow();

            assertThat(first.state()).isEqualTo(HealthState.UP);
            assertThat(second.lastChange()).isEqualTo(first.lastChange());
            assertThat(third.state()).isEqualTo(HealthState.DOWN);
            assertThat(third.lastChange()).isEqualTo(third.checkedAt().orElseThrow());
            assertThat(changes).containsExactly(true, false, true);
        } finally {
            listening.close();
        }
    }

    @Test
    void theScheduleRunsRoundAfterRound() throws Exception {
        try (ServerSocket listening = LoopbackPorts.tcpListener(LO);
             HealthMonitor monitor = HealthMonitor.builder(probe).interval(Duration.ofMillis(100))
                     .add(LoopbackChecks.listening("open", listening.getLocalPort())).build()) {
            CountDownLatch threeRuns = new CountDownLatch(3);
            monitor.addListener((result, report, changed) -> threeRuns.countDown());
            monitor.start();
            assertThat(threeRuns.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(monitor.report().state()).isEqualTo(HealthState.UP);
        }
    }
}
