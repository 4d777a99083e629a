package dev.portqry.ui;

import static dev.portqry.ui.UiClient.form;
import static dev.portqry.ui.UiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import dev.portqry.testkit.Script;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UI's HTTP API over real sockets on loopback: queries, events, validation, guards, limits, cancel. */
class UiServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private UiPeers peers;
    private GreetingServer greeting;
    private LoopbackPeer silent;
    private PortProbe probe;
    private final List<UiServer> servers = new ArrayList<>();

    @BeforeEach
    void peers() throws IOException {
        peers = new UiPeers();
        greeting = peers.greeting;
        silent = peers.silent;
        probe = peers.probe;
    }

    @AfterEach
    void stop() throws Exception {
        servers.forEach(UiServer::close);
        peers.close();
    }

    private UiClient client(UiOptions.Builder options) throws IOException {
        UiServer s = UiServer.start(probe, options.port(0).probeOptions(UiPeers.SLOW_UDP).build());
        servers.add(s);
        return new UiClient(s.uri());
    }

    private UiClient client() throws IOException {
        return client(UiOptions.builder());
    }

    private Map<String, String> slowQuery() {
        return form("target", "127.0.0.1", "udp", String.valueOf(silent.port()));
    }

    @Test
    void pageAndServicesAreServedWithDefensiveHeaders() throws Exception {
        UiClient c = client();
        HttpResponse<String> page = c.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Enter destination IP or FQDN to query", "Query predefined service");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(c.get("/app.js").headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));

        JsonObject services = json(c.get("/api/services"));
        List<String> names = new ArrayList<>();
        services.getAsJsonArray("services").forEach(s -> names.add(s.getAsJsonObject().get("name").getAsString()));
        assertThat(names).containsExactly("Domains and Trusts", "DNS Queries", "NetBIOS communication", "IPSEC", "SQL Service",
                "WEB Service", "Exchange Server", "Netmeeting and other services");
        assertThat(services.get("community").getAsString()).isEqualTo("public");
    }

    @Test
    void queryStreamsStartEachResultAndEndThenExports() throws Exception {
        UiClient c = client();
        int closed = LoopbackPorts.closedTcpPort(LOOPBACK);
        String id = c.start(form("target", "127.0.0.1", "tcp", greeting.port() + "," + closed));
        Map<Integer, JsonObject> byPort = new HashMap<>();
        try (UiClient.Events events = c.events(id)) {
            JsonObject start = events.next("start").data();
            assertThat(start.get("count").getAsInt()).isEqualTo(2);
            assertThat(start.get("address").getAsString()).isEqualTo("127.0.0.1");
            for (int i = 0; i < 2; i++) {
                JsonObject r = events.next("result").data();
                byPort.put(r.getAsJsonObject("status").get("port").getAsInt(), r);
            }
            JsonObject end = events.next("end").data();
            assertThat(end.get("state").getAsString()).isEqualTo("done");
            assertThat(end.get("completed").getAsInt()).isEqualTo(2);
        }
        JsonObject open = byPort.get(greeting.port());
        assertThat(open.get("index").getAsInt()).isZero();
        assertThat(open.getAsJsonObject("status").get("state").getAsString()).isEqualTo("LISTENING");
        JsonObject responder = open.getAsJsonObject("status").getAsJsonObject("responder");
        assertThat(responder.get("outcome").getAsString()).isEqualTo("answered");
        assertThat(responder.getAsJsonObject("result").get("banner").getAsString()).isEqualTo("demo.corp.example.test ready");
        assertThat(responder.getAsJsonObject("result").getAsJsonArray("endpoints")).hasSize(2);
        assertThat(lines(open.getAsJsonArray("text"))).contains("TCP port " + greeting.port() + " (unknown service): LISTENING",
                "DEMO query response:", "======== End of DEMO query response ========");
        assertThat(byPort.get(closed).getAsJsonObject("status").get("state").getAsString()).isEqualTo("NOT_LISTENING");

        HttpResponse<String> exported = c.get("/api/queries/" + id + "/report.json");
        assertThat(exported.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"portqry-127.0.0.1.json\"");
        JsonArray all = JsonParser.parseString(exported.body()).getAsJsonArray();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).getAsJsonObject().get("port").getAsInt()).as("query order").isEqualTo(greeting.port());
        assertThat(all.get(1).getAsJsonObject().get("state").getAsString()).isEqualTo("NOT_LISTENING");

        String text = c.get("/api/queries/" + id + "/report.txt").body();
        assertThat(text.lines()).containsSubsequence("Querying target system called:", " 127.0.0.1", "querying...",
                "TCP port " + greeting.port() + " (unknown service): LISTENING", "DEMO query response:",
                "TCP port " + closed + " (unknown service): NOT LISTENING");
    }

    @Test
    void badFormIsRefusedWithAMessagePerField() throws Exception {
        HttpResponse<String> r = client().post("/api/queries", form("target", "", "tcp", "70000", "udp", "9-2"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject fields = json(r).getAsJsonObject("fields");
        assertThat(fields.get("target").getAsString()).isEqualTo("Enter a name or an IP address to query");
        assertThat(fields.get("tcp").getAsString()).isEqualTo("TCP ports: port must be 1-65535, was 70000");
        assertThat(fields.get("udp").getAsString()).isEqualTo("UDP ports: range start must not be above its end, was 9-2");
        assertThat(json(r).get("error").getAsString()).isEqualTo("Enter a name or an IP address to query");
    }

    @Test
    void targetThatDoesNotResolveIsRefusedOnItsField() throws Exception {
        // localhost has only 127.0.0.1 in this machine's hosts file: asking for IPv6 resolves nothing,
        // without any DNS query leaving the machine.
        HttpResponse<String> r = client().post("/api/queries", form("target", "localhost", "tcp", "80", "ip", "ipv6"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).getAsJsonObject("fields").get("target").getAsString()).contains("localhost", "IPV6");
    }

    @Test
    void foreignHostsAndOriginsAreRefused() throws Exception {
        UiClient c = client();
        int port = servers.get(0).uri().getPort();
        assertThat(rawStatus(port, "GET /api/services HTTP/1.1", "Host: evil.example:" + port)).as("DNS rebinding").isEqualTo(403);
        assertThat(rawStatus(port, "GET / HTTP/1.1", "Host: 127.0.0.1:" + (port == 65535 ? 1 : port + 1))).isEqualTo(403);
        assertThat(rawStatus(port, "GET / HTTP/1.1", "Host: localhost:" + port)).isEqualTo(200);
        assertThat(rawStatus(port, "GET / HTTP/1.0")).as("no Host header").isEqualTo(403);

        HttpResponse<String> cross = c.post("/api/queries", form("target", "127.0.0.1", "tcp", "80"), "Origin", "http://evil.example");
        assertThat(cross.statusCode()).isEqualTo(403);
        assertThat(json(cross).get("error").getAsString()).contains("Origin http://evil.example");
        assertThat(c.post("/api/queries", form("target", "127.0.0.1", "tcp", "80"), "Origin", "null").statusCode()).isEqualTo(403);
        HttpResponse<String> same = c.post("/api/queries", form("target", "", "tcp", "80"), "Origin", "http://127.0.0.1:" + port);
        assertThat(same.statusCode()).as("the page's own origin gets through to validation").isEqualTo(400);
        assertThat(servers.get(0).runningQueries()).isZero();
    }

    @Test
    void queriesBeyondTheLimitAreRefusedUntilOneEnds() throws Exception {
        UiClient c = client();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < UiOptions.DEFAULT_MAX_QUERIES; i++) {
            ids.add(c.start(slowQuery()));
        }
        HttpResponse<String> refused = c.post("/api/queries", slowQuery());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("error").getAsString()).contains("4 queries are already running");

        assertThat(c.post("/api/queries/" + ids.get(0) + "/cancel", Map.of()).statusCode()).isEqualTo(200);
        ids.add(c.start(slowQuery()));
        assertThat(servers.get(0).runningQueries()).isEqualTo(UiOptions.DEFAULT_MAX_QUERIES);
    }

    @Test
    void cancelStopsTheQueryAndEndsItsStream() throws Exception {
        UiClient c = client();
        String id = c.start(slowQuery());
        try (UiClient.Events events = c.events(id)) {
            events.next("start");
            HttpResponse<String> r = c.post("/api/queries/" + id + "/cancel", Map.of());
            assertThat(json(r).get("state").getAsString()).isEqualTo("cancelled");
            JsonObject end = events.next("end").data();
            assertThat(end.get("state").getAsString()).isEqualTo("cancelled");
            assertThat(end.get("completed").getAsInt()).isZero();
        }
        assertThat(servers.get(0).runningQueries()).isZero();
        assertThat(c.get("/api/queries/" + id + "/report.json").body()).isEqualTo("[]\n");
    }

    @Test
    void closingTheEventStreamCancelsTheQuery() throws Exception {
        UiClient c = client();
        String id = c.start(slowQuery());
        int port = servers.get(0).uri().getPort();
        try (Socket s = new Socket(LOOPBACK, port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/queries/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); !line.equals("event: start"); line = in.readLine()) {
                assertThat(line).isNotNull();
                head.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            // Said up front, so that no client pools the stream's connection for its next request.
            assertThat(head).contains("connection: close", "content-type: text/event-stream; charset=utf-8");
            assertThat(servers.get(0).runningQueries()).isEqualTo(1);
        }
        awaitTrue(() -> servers.get(0).runningQueries() == 0, "the closed stream cancels the query");
        try (UiClient.Events replay = c.events(id)) {
            replay.next("start");
            assertThat(replay.next("end").data().get("message").getAsString()).contains("the page closed its event stream");
        }
    }

    @Test
    void queryStopsAtItsDeadline() throws Exception {
        UiClient c = client(UiOptions.builder().deadline(Duration.ofMillis(300)));
        String id = c.start(slowQuery());
        try (UiClient.Events events = c.events(id)) {
            events.next("start");
            JsonObject end = events.next("end").data();
            assertThat(end.get("state").getAsString()).isEqualTo("deadline");
            assertThat(end.get("message").getAsString()).startsWith("Stopped at the deadline of 0.3 s");
        }
    }

    @Test
    void queryNoPageStreamsIsCancelled() throws Exception {
        UiClient c = client(UiOptions.builder().attachTimeout(Duration.ofMillis(200)));
        c.start(slowQuery());
        awaitTrue(() -> servers.get(0).runningQueries() == 0, "a query nobody streams is cancelled");
    }

    @Test
    void ipv6TargetsWithAndWithoutBrackets() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket listener = LoopbackPorts.tcpListener(v6)) {
            UiClient c = client();
            for (String target : List.of("::1", "[::1]")) {
                String id = c.start(form("target", target, "tcp", String.valueOf(listener.getLocalPort())));
                try (UiClient.Events events = c.events(id)) {
                    assertThat(events.next("start").data().get("address").getAsString()).isEqualTo("0:0:0:0:0:0:0:1");
                    assertThat(events.next("result").data().getAsJsonObject("status").get("state").getAsString()).isEqualTo("LISTENING");
                    assertThat(events.next("end").data().get("state").getAsString()).isEqualTo("done");
                }
            }
        }
    }

    @Test
    void wrongMethodUnknownPathsAndBodiesAreExplained() throws Exception {
        UiClient c = client();
        assertThat(c.get("/api/queries").statusCode()).isEqualTo(405);
        assertThat(c.get("/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = c.get("/api/queries/0123456789abcdef0123456789abcdef/events");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").getAsString()).startsWith("No such query");
        int port = servers.get(0).uri().getPort();
        assertThat(rawStatus(port, "POST /api/queries HTTP/1.1", "Host: 127.0.0.1:" + port, "Content-Type: text/plain",
                "Content-Length: 0")).isEqualTo(415);
    }

    private static List<String> lines(JsonArray a) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : a) {
            out.add(e.getAsString());
        }
        return out;
    }

    /** Sends a request with exactly these header lines (the JDK client will not send a foreign Host). */
    private static int rawStatus(int port, String requestLine, String... headers) throws IOException {
        try (Socket s = new Socket(LOOPBACK, port)) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(requestLine).append("\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
