package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthState;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serves a {@link HealthMonitor}'s report as JSON with the JDK's built-in {@link HttpServer}, on
 * 127.0.0.1 only (a health endpoint names internal hosts; expose it further through your own
 * proxy if you must). {@code GET /health} answers 200 when every check is UP and 503 otherwise,
 * with the body {@link HealthJson} writes; other methods get 405, other paths 404. The report is
 * the monitor's latest: a request never waits for probes.
 */
public final class HealthHttpServer implements AutoCloseable {
    /** The one path served. */
    public static final String PATH = "/health";

    private final HttpServer server;

    private HealthHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds and starts the server.
     *
     * @param monitor the monitor to report, not null
     * @param port the port on 127.0.0.1, 0 for any free one
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static HealthHttpServer start(HealthMonitor monitor, int port) throws IOException {
        Objects.requireNonNull(monitor, "monitor");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        server.createContext(PATH, exchange -> serve(exchange, monitor));
        server.start();
        return new HealthHttpServer(server);
    }

    private static void serve(HttpExchange exchange, HealthMonitor monitor) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            HealthReport report = monitor.report();
            byte[] body = HealthJson.write(report).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            int status = report.state() == HealthState.UP ? 200 : 503;
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
    }
}
