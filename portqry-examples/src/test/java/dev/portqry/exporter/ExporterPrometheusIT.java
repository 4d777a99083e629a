package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.portqry.core.PortProbe;
import dev.portqry.testbed.Testbed;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exporter proven against the testbed's real Prometheus (Debian's package, started by
 * testbed-up.sh on loopback with blackbox's relabelling): this test starts the exporter on the
 * port Prometheus' config names, waits for scrapes, and asks Prometheus' query API what it stored
 * for the Samba DC (module ad_dc) and for the pqtest namespace's filtered ports.
 */
class ExporterPrometheusIT {
    static Testbed tb;
    static PortProbe probe;
    static ExporterServer server;
    static HttpClient http;
    static String prometheus;

    @BeforeAll
    static void start() throws Exception {
        tb = Testbed.require();
        prometheus = "http://127.0.0.1:" + tb.port("prometheus.port");
        ExporterConfig config = ExporterConfigLoader.load(Path.of(tb.get("prometheus.exporter.config")));
        probe = PortProbe.builder().build();
        server = ExporterServer.start(probe, ExporterOptions.builder().bindAddress(InetAddress.getByName("127.0.0.1"))
                .port(tb.port("prometheus.exporter.port")).config(config).build());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (probe != null) {
            probe.close();
        }
    }

    /** Runs an instant query; returns its result vector. */
    static JsonArray query(String promql) throws Exception {
        URI uri = URI.create(prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertThat(body.get("status").getAsString()).isEqualTo("success");
        return body.getAsJsonObject("data").getAsJsonArray("result");
    }

    /** Polls a query until it returns at least one series, for at most 90 s. */
    static JsonArray await(String promql) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonArray last = query(promql);
        while (last.isEmpty()) {
            assertThat(System.nanoTime()).as("Prometheus has no series for %s after 90 s; last value of probe_success: %s",
                    promql, query("probe_success")).isLessThan(deadline);
            Thread.sleep(1000);
            last = query(promql);
        }
        return last;
    }

    static double value(JsonArray result, int i) {
        return Double.parseDouble(result.get(i).getAsJsonObject().getAsJsonArray("value").get(1).getAsString());
    }

    @Test
    void prometheusStoresASuccessfulAdDcProbeOfTheSambaDc() throws Exception {
        String dc = tb.get("dc.address");
        JsonArray ok = await("probe_success{job=\"portqry_ad_dc\",module=\"ad_dc\",instance=\"" + dc + "\"} == 1");
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0).getAsJsonObject().getAsJsonObject("metric").get("site").getAsString()).isEqualTo("testbed");
        // The per-port series: every required port listening, one series per protocol/port/state.
        for (String port : new String[] {"tcp\",port=\"389", "udp\",port=\"389", "tcp\",port=\"88", "udp\",port=\"88",
                "tcp\",port=\"135", "tcp\",port=\"445", "tcp\",port=\"636", "udp\",port=\"53"}) {
            JsonArray s = query("portqry_port_state{module=\"ad_dc\",instance=\"" + dc + "\",protocol=\"" + port
                    + "\",state=\"listening\"}");
            assertThat(s).as(port).hasSize(1);
            assertThat(value(s, 0)).as(port).isEqualTo(1.0);
        }
        assertThat(value(query("count(portqry_port_state{module=\"ad_dc\",instance=\"" + dc + "\"})"), 0))
                .isEqualTo(BuiltinModules.adDc().ports().size() * 4.0);
        JsonArray dse = query("portqry_ldap_rootdse_info{module=\"ad_dc\",protocol=\"tcp\",port=\"389\"}");
        assertThat(dse.get(0).getAsJsonObject().getAsJsonObject("metric").get("default_naming_context").getAsString())
                .isEqualToIgnoringCase(tb.get("dc.basedn"));
        JsonArray listed = query("portqry_rpc_dynamic_ports_listed{module=\"ad_dc\"}");
        assertThat(value(listed, 0)).isGreaterThan(0);
        assertThat(value(query("portqry_rpc_dynamic_ports_reachable{module=\"ad_dc\"}"), 0)).isEqualTo(value(listed, 0));
        assertThat(query("probe_ssl_earliest_cert_expiry{module=\"ad_dc\"} > time()")).hasSize(1);
        assertThat(query("portqry_kerberos_clock_skew_seconds{module=\"ad_dc\"}")).isNotEmpty();
        assertThat(query("portqry_smb_signing_required{module=\"ad_dc\",port=\"445\"} == 1")).hasSize(1);
    }

    @Test
    void prometheusStoresAFailedProbeWithTheFilteredPortsVisible() throws Exception {
        String ns = tb.get("ns.address");
        JsonArray failed = await("probe_success{job=\"portqry_filtered\",module=\"pqtest_filtered\",instance=\"" + ns
                + "\"} == 0");
        assertThat(failed).hasSize(1);
        for (String key : new String[] {"ns.tcp.drop", "ns.tcp.reject.hostunreach"}) {
            JsonArray s = query("portqry_port_state{module=\"pqtest_filtered\",instance=\"" + ns + "\",protocol=\"tcp\",port=\""
                    + tb.port(key) + "\",state=\"filtered\"}");
            assertThat(s).as(key).hasSize(1);
            assertThat(value(s, 0)).as(key).isEqualTo(1.0);
        }
        assertThat(value(query("portqry_port_state{module=\"pqtest_filtered\",port=\"" + tb.port("ns.tcp.open")
                + "\",state=\"listening\"}"), 0)).isEqualTo(1.0);
        assertThat(value(query("portqry_port_state{module=\"pqtest_filtered\",port=\"" + tb.port("ns.tcp.closed")
                + "\",state=\"not_listening\"}"), 0)).isEqualTo(1.0);
        // The exporter's own metrics, scraped too.
        assertThat(await("portqry_exporter_probes_total{module=\"pqtest_filtered\",result=\"failure\"} > 0")).hasSize(1);
    }
}
