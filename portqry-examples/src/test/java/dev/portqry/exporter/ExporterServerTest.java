package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter over real loopback HTTP, probing loopback ports this test opens: a listening
 * port, a closed one, and a silent one (accepts, never answers the LDAP query).
 */
class ExporterServerTest {
    static PortProbe probe;
    static ServerSocket live;
    static ServerSocket silent;
    static int closed;
    static ExporterServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        probe = PortProbe.builder().build();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        live = new ServerSocket(0, 50, lo);
        silent = new ServerSocket(0, 50, lo);
        try (ServerSocket s = new ServerSocket(0, 50, lo)) {
            closed = s.getLocalPort();
        }
        // The kernel completes the handshakes into the backlog; nobody ever reads or answers.
        server = ExporterServer.start(probe, options(32, 256, Duration.ofSeconds(10)));
    }

    static ExporterOptions options(int probes, int connections, Duration readTimeout) {
        ExporterConfig config = ExporterConfigLoader.parse(new StringReader("""
                max_concurrent_probes: %d
                max_connections: %d
                modules:
                  mixed:
                    ports:
                      - tcp/%d
                      - port: tcp/%d
                        state: not_listening
                  silent_ldap:
                    ports:
                      - port: tcp/%d
                        expect: ldap-attribute=dnsHostName
                """.formatted(probes, connections, live.getLocalPort(), closed, silent.getLocalPort())), "test");
        return ExporterOptions.builder().port(0).config(config).readTimeout(readTimeout).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        probe.close();
        live.close();
        silent.close();
    }

    private String probeUrl(String module, String target) {
        return "/probe?module=" + module + "&target=" + target;
    }

    @Test
    void probeAnswersBlackboxAndPortqryMetricsThatPromtoolAccepts() throws Exception {
        RawHttp.Response r = RawHttp.get(server.port(), probeUrl("mixed", "127.0.0.1"), "X-Prometheus-Scrape-Timeout-Seconds: 5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.head()).containsIgnoringCase("content-type: text/plain; version=0.0.4");
        assertThat(r.body()).contains("probe_success 1.0")
                .contains("portqry_port_state{port=\"" + live.getLocalPort() + "\",protocol=\"tcp\",state=\"listening\"} 1.0")
                .contains("portqry_port_state{port=\"" + closed + "\",protocol=\"tcp\",state=\"not_listening\"} 1.0")
                .contains("probe_duration_seconds").contains("probe_dns_lookup_time_seconds").contains("probe_ip_protocol 4.0");
        Promtool.Result check = Promtool.run(r.body().getBytes(StandardCharsets.UTF_8), dir, "check", "metrics");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void theScrapeTimeoutHeaderMinusTheMarginBoundsTheProbe() throws Exception {
        long t0 = System.nanoTime();
        RawHttp.Response r = RawHttp.get(server.port(), probeUrl("silent_ldap", "127.0.0.1"),
                "X-Prometheus-Scrape-Timeout-Seconds: 1.5");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("probe_success 0.0")
                .contains("portqry_expectation_met{expectation=\"ldap-attribute=dnsHostName\",port=\"" + silent.getLocalPort()
                        + "\",protocol=\"tcp\"} 0.0");
        // The module's own timeout is 10 s and LDAP's conversation 5 s; the header's 1.5 s won.
        assertThat(ms).isLessThan(5000);
    }

    @Test
    void badRequestsGetTheirStatus() throws Exception {
        int port = server.port();
        assertThat(RawHttp.get(port, "/probe?module=mixed").status()).isEqualTo(400);
        RawHttp.Response unknown = RawHttp.get(port, probeUrl("nope%1b%5b31m", "127.0.0.1"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown module nope\\x1b[31m").doesNotContain("\u001b");
        assertThat(RawHttp.get(port, probeUrl("mixed", "127.0.0.1"), "X-Prometheus-Scrape-Timeout-Seconds: soon").status())
                .isEqualTo(400);
        assertThat(RawHttp.get(port, "/nothing").status()).isEqualTo(404);
        RawHttp.Response post = RawHttp.send(port, "POST /probe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.head()).containsIgnoringCase("allow: GET");
        RawHttp.Response big = RawHttp.send(port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\n"
                + "x".repeat(5000));
        assertThat(big.status()).isEqualTo(413);
    }

    @Test
    void targetsOutsideTheAllowListAreRefusedWithoutAProbe() throws Exception {
        // TEST-NET-1 literal: refused before any packet is sent (the default list is loopback only).
        RawHttp.Response r = RawHttp.get(server.port(), probeUrl("mixed", "192.0.2.1"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("192.0.2.1").contains("allow-list");
    }

    @Test
    void aDnsReboundHostIsRefusedOnLoopback() throws Exception {
        RawHttp.Response r = RawHttp.send(server.port(), "GET /metrics HTTP/1.1\r\nHost: evil.example:" + server.port());
        assertThat(r.status()).isEqualTo(403);
        assertThat(RawHttp.send(server.port(), "GET /metrics HTTP/1.1\r\nHost: localhost:" + server.port()).status())
                .isEqualTo(200);
    }

    @Test
    void indexListsTheModulesAndMetricsPassPromtool() throws Exception {
        RawHttp.Response index = RawHttp.get(server.port(), "/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<code>ad_dc</code>").contains("<code>mixed</code>").contains("<code>domains</code>");
        RawHttp.get(server.port(), probeUrl("mixed", "127.0.0.1"));
        RawHttp.Response metrics = RawHttp.get(server.port(), "/metrics");
        assertThat(metrics.body()).contains("portqry_exporter_probes_total{module=\"mixed\",result=\"success\"}")
                .contains("portqry_exporter_heap_used_bytes");
        Promtool.Result check = Promtool.run(metrics.body().getBytes(StandardCharsets.UTF_8), dir, "check", "metrics");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void probesPastTheCapGet429() throws Exception {
        try (ExporterServer one = ExporterServer.start(probe, options(1, 256, Duration.ofSeconds(10)))) {
            CompletableFuture<RawHttp.Response> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.get(one.port(), probeUrl("silent_ldap", "127.0.0.1"), "X-Prometheus-Scrape-Timeout-Seconds: 3");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!RawHttp.get(one.port(), "/metrics").body().contains("portqry_exporter_probes_in_flight 1.0")) {
                assertThat(System.nanoTime()).as("first probe in flight").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(RawHttp.get(one.port(), probeUrl("mixed", "127.0.0.1")).status()).isEqualTo(429);
            assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(RawHttp.get(one.port(), "/metrics").body())
                    .contains("portqry_exporter_requests_refused_total{reason=\"concurrency\"} 1.0");
        }
    }

    @Test
    void aHalfSentRequestIsClosedAtTheReadDeadline() throws Exception {
        try (ExporterServer quick = ExporterServer.start(probe, options(4, 256, Duration.ofMillis(300)));
             Socket s = new Socket(InetAddress.getLoopbackAddress(), quick.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertThat(RawHttp.closedByServer(in)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (quick.connections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(quick.connections()).isZero();
        }
    }

    @Test
    void connectionsPastTheCapGet503() throws Exception {
        try (ExporterServer small = ExporterServer.start(probe, options(4, 2, Duration.ofSeconds(10)))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    held.add(new Socket(InetAddress.getLoopbackAddress(), small.port()));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (small.connections() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(RawHttp.get(small.port(), "/metrics").status()).isEqualTo(503);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (small.connections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(RawHttp.get(small.port(), "/metrics").status()).isEqualTo(200);
        }
    }
}
