package dev.portqry.ui;

import static dev.portqry.ui.UiClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.portqry.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UI server against abusive clients on loopback: half-sent requests, slowloris, event streams
 * that are never read, lying or huge bodies, too many connections. Deadlines in these tests are
 * generous bounds, never timings (the figures printed as {@code ui: ...} go to RELIABILITY.md).
 */
class UiAbuseTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Generous: the longest any step may take on a loaded machine before the test fails. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    private UiPeers peers;
    private UiServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void peers() throws IOException {
        peers = new UiPeers();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
        peers.close();
    }

    private UiClient start(UiOptions.Builder options, HttpLimits limits) throws IOException {
        server = UiServer.start(peers.probe, options.port(0).probeOptions(UiPeers.SLOW_UDP).build(), limits);
        return new UiClient(server.uri());
    }

    private int port() {
        return server.uri().getPort();
    }

    private String host() {
        return "Host: 127.0.0.1:" + port() + "\r\n";
    }

    @Test
    void halfSentRequestsLeaveNoDescriptorBehind() throws Exception {
        UiClient c = start(UiOptions.builder(), HttpLimits.defaults());
        assertThat(c.get("/").statusCode()).isEqualTo(200); // loads every class a request needs
        long before = descriptors();
        long heapBefore = heapUsed();
        String[] halves = {"GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\n" + host() + "Accept: te", "GE", "POST /api/queries HTTP/1.1\r\n"
                + host() + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntarget=1", ""};
        long t0 = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            try (Socket s = new Socket(LOOPBACK, port())) {
                s.getOutputStream().write(halves[i % halves.length].getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
        }
        long sent = System.nanoTime() - t0;
        awaitTrue(() -> server.connections() == 0, "the server closed every half-sent request");
        awaitTrue(() -> descriptors() <= before, "the descriptor count is back to " + before);
        long after = descriptors();
        assertThat(c.get("/").statusCode()).isEqualTo(200);
        System.out.printf("ui: 500 half-sent requests in %d ms; descriptors before %d, after %d; heap in use %d MiB -> %d MiB%n",
                sent / 1_000_000, before, after, heapBefore >> 20, heapUsed() >> 20);
    }

    @Test
    void slowlorisConnectionsDoNotStopANormalRequest() throws Exception {
        // Deadlines longer than the test, so that the 60 stay connected however loaded the machine is.
        UiClient c = start(UiOptions.builder(), HttpLimits.builder().headerTimeout(Duration.ofMinutes(2))
                .idleTimeout(Duration.ofMinutes(2)).build());
        List<Socket> loris = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Socket s = open();
            s.getOutputStream().write(("GET / HTTP/1.1\r\n" + host()).getBytes(StandardCharsets.US_ASCII));
            loris.add(s);
        }
        AtomicBoolean dripping = new AtomicBoolean(true);
        Thread drip = new Thread(() -> {
            while (dripping.get()) {
                for (Socket s : loris) {
                    try {
                        s.getOutputStream().write('X'); // one header byte a second, never a line end
                    } catch (IOException e) {
                        // closed by the server: the assertion below notices
                    }
                }
                sleep(1000);
            }
        }, "slowloris");
        drip.setDaemon(true);
        drip.start();
        try {
            awaitTrue(() -> server.connections() >= 60, "the 60 slowloris connections are open");
            sleep(1500); // every one of them has dripped at least once
            long t0 = System.nanoTime();
            HttpResponse<String> page = c.get("/");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Query predefined service");
            assertThat(server.connections()).as("the slowloris connections are still open").isGreaterThanOrEqualTo(60);
            System.out.printf("ui: GET / answered in %d ms while 60 slowloris connections were open; heap in use %d MiB%n",
                    ms, heapUsed() >> 20);
        } finally {
            dripping.set(false);
            drip.join(5000);
        }
    }

    @Test
    void slowlorisIsClosedAtTheHeaderDeadline() throws Exception {
        start(UiOptions.builder(), HttpLimits.builder().headerTimeout(Duration.ofSeconds(2)).build());
        Socket s = open();
        OutputStream out = s.getOutputStream();
        byte[] request = ("GET / HTTP/1.1\r\n" + host() + "X-Slow: " + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        String answer = null;
        s.setSoTimeout(250);
        long end = System.nanoTime() + BOUND.toNanos();
        for (int i = 0; answer == null && System.nanoTime() < end; i++) {
            try {
                out.write(request[i % request.length]);
            } catch (IOException e) {
                answer = "closed while writing";
                break;
            }
            answer = readSome(s.getInputStream());
        }
        assertThat(answer).as("the server answered or closed").isNotNull();
        if (!answer.startsWith("closed")) {
            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
        }
        awaitTrue(() -> server.connections() == 0, "the slowloris connection is closed");
    }

    @Test
    void unreadEventStreamsDoNotBlockOtherQueriesOrThePage() throws Exception {
        UiClient c = start(UiOptions.builder().maxQueries(8), HttpLimits.defaults());
        for (int q = 0; q < 6; q++) {
            String id = c.start(form("target", "127.0.0.1", "udp", String.valueOf(peers.silent.port())));
            for (int i = 0; i < QuerySession.MAX_SUBSCRIBERS; i++) {
                Socket s = open();
                s.setReceiveBufferSize(1024);
                s.getOutputStream().write(("GET /api/queries/" + id + "/events HTTP/1.1\r\n" + host() + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII)); // and never read
            }
        }
        awaitTrue(() -> server.connections() >= 24, "24 streams are open");
        assertThat(c.get("/").statusCode()).isEqualTo(200);
        String id = c.start(form("target", "127.0.0.1", "tcp", String.valueOf(peers.greeting.port())));
        try (UiClient.Events events = c.events(id)) {
            events.next("start");
            JsonObject r = events.next("result").data();
            assertThat(r.getAsJsonObject("status").get("state").getAsString()).isEqualTo("LISTENING");
            assertThat(events.next("end").data().get("state").getAsString()).isEqualTo("done");
        }
        // The end event goes out a moment before the finished query gives back its slot.
        awaitTrue(() -> server.runningQueries() == 6, "the 6 unread queries still run, the 7th has ended");
    }

    @Test
    void anEventStreamThatIsNotReadIsDroppedAndItsQueryCancelled() throws Exception {
        UiClient c = start(UiOptions.builder(), HttpLimits.builder().writeTimeout(Duration.ofMillis(500)).sendBufferBytes(4096).build());
        List<ServerSocket> listeners = new ArrayList<>();
        try {
            StringJoiner tcp = new StringJoiner(",");
            for (int i = 0; i < 400; i++) {
                ServerSocket l = LoopbackPorts.tcpListener(LOOPBACK);
                listeners.add(l);
                tcp.add(String.valueOf(l.getLocalPort()));
            }
            // 400 results (well over the 64 KiB the server buffers), and a silent port that keeps the query running.
            String id = c.start(form("target", "127.0.0.1", "tcp", tcp.toString(), "udp", String.valueOf(peers.silent.port())));
            Socket s = open();
            s.setReceiveBufferSize(1024);
            s.getOutputStream().write(("GET /api/queries/" + id + "/events HTTP/1.1\r\n" + host() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            awaitTrue(() -> server.runningQueries() == 0, "the stalled stream's query is cancelled");
            try (UiClient.Events replay = c.events(id)) {
                JsonObject end;
                do {
                    UiClient.Event e = replay.next();
                    end = e.name().equals("end") ? e.data() : null;
                } while (end == null);
                assertThat(end.get("state").getAsString()).isEqualTo("cancelled");
                assertThat(end.get("message").getAsString()).contains("the page stopped reading its event stream");
            }
        } finally {
            for (ServerSocket l : listeners) {
                l.close();
            }
        }
    }

    @Test
    void aLyingContentLengthHoldsNothing() throws Exception {
        UiClient c = start(UiOptions.builder(), HttpLimits.builder().bodyTimeout(Duration.ofSeconds(1)).build());
        Socket liar = open();
        liar.getOutputStream().write(("POST /api/queries HTTP/1.1\r\n" + host()
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntarget=127")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(c.get("/").statusCode()).as("answered while the liar waits").isEqualTo(200);
        assertThat(statusOf(liar)).isEqualTo(408);
        assertThat(liar.getInputStream().read()).as("then closed").isEqualTo(-1);

        Socket huge = open();
        huge.getOutputStream().write(("POST /api/queries HTTP/1.1\r\n" + host()
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(statusOf(huge)).as("refused before any body byte").isEqualTo(413);

        Socket chunked = open();
        chunked.getOutputStream().write(("POST /api/queries HTTP/1.1\r\n" + host()
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n4000\r\n"
                + "a".repeat(0x4000) + "\r\n10\r\n" + "b".repeat(16) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(statusOf(chunked)).as("a chunked body over 16 KiB").isEqualTo(413);
        awaitTrue(() -> server.connections() <= 1, "every refused connection is closed");
    }

    @Test
    void connectionsBeyondTheCapGet503() throws Exception {
        UiClient c = start(UiOptions.builder(), HttpLimits.builder().maxConnections(4).idleTimeout(Duration.ofMinutes(2)).build());
        for (int i = 0; i < 4; i++) {
            open();
        }
        awaitTrue(() -> server.connections() == 4, "4 connections are open");
        Socket fifth = open();
        fifth.getOutputStream().write(("GET / HTTP/1.1\r\n" + host() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        fifth.setSoTimeout((int) BOUND.toMillis());
        String answer = new String(fifth.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 503 ").contains("4 connections open already");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("connection: close", "content-security-policy: ");
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
        awaitTrue(() -> server.connections() == 0, "the idle connections are closed");
        assertThat(c.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedRequestLinesAndHeadersAreRefused() throws Exception {
        start(UiOptions.builder(), HttpLimits.defaults());
        Socket line = open();
        line.getOutputStream().write(("GET /" + "a".repeat(5000) + " HTTP/1.1\r\n" + host() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(statusOf(line)).isEqualTo(414);
        Socket headers = open();
        headers.getOutputStream().write(("GET / HTTP/1.1\r\n" + host() + "X-Big: " + "b".repeat(9000) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(statusOf(headers)).isEqualTo(431);
        Socket garbage = open();
        garbage.getOutputStream().write("\u0001\u0002 nonsense\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(statusOf(garbage)).isEqualTo(400);
    }

    private Socket open() throws IOException {
        Socket s = new Socket(LOOPBACK, port());
        sockets.add(s);
        return s;
    }

    /** @return the status of the response that arrives within the bound */
    private static int statusOf(Socket s) throws IOException {
        s.setSoTimeout((int) BOUND.toMillis());
        StringBuilder line = new StringBuilder();
        InputStream in = s.getInputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            assertThat(b).as("a status line before the end of the stream, got '" + line + "'").isNotEqualTo(-1);
            line.append((char) b);
        }
        int status = Integer.parseInt(line.toString().split(" ")[1]);
        // Read to the end: the server closes every refused connection.
        while (in.read() >= 0) {
            // discard
        }
        return status;
    }

    /** @return what the socket has within its read timeout, "closed" at its end, null when nothing came */
    private static String readSome(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        try {
            int n = in.read(buf);
            return n < 0 ? "closed" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return "closed: " + e.getMessage();
        }
    }

    private static long descriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long heapUsed() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + BOUND.toSeconds() + " s waiting until " + what);
            }
            sleep(50);
        }
    }
}
