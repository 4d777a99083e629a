package dev.portqry.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams one query's events to the page as server-sent events (HTML Living Standard section
 * 9.2): {@code start}, one {@code result} per port in completion order, then {@code end}, after
 * which the stream closes. A comment line every heartbeat keeps proxies from timing out and
 * finds a closed page: the write fails, and closing the last stream cancels a running query.
 */
final class EventStream {
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Duration heartbeat;

    /** @param heartbeat the interval of keep-alive comments */
    EventStream(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    /**
     * Sends the query's events until it ends or the client goes; blocks the calling thread.
     *
     * @param ex the exchange
     * @param session the query
     * @throws IOException when the response cannot start
     */
    void send(HttpExchange ex, QuerySession session) throws IOException {
        Optional<BlockingQueue<QuerySession.Event>> sub = session.subscribe();
        if (sub.isEmpty()) {
            throw new ApiException(429, "This query already has " + QuerySession.MAX_SUBSCRIBERS + " open streams", Map.of());
        }
        BlockingQueue<QuerySession.Event> queue = sub.get();
        try {
            Responses.secure(ex.getResponseHeaders());
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            // A stream the network broke is not reopened by the browser: the query was cancelled with it.
            out.write("retry: 86400000\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                QuerySession.Event e = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (e == null) {
                    out.write(KEEP_ALIVE);
                } else {
                    out.write(("event: " + e.name() + "\ndata: " + e.json() + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                if (e != null && e.isEnd()) {
                    break;
                }
            }
        } catch (IOException e) {
            // The page closed the stream (Cancel, a new query, a closed tab): unsubscribing below cancels the query.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.unsubscribe(queue);
            ex.close();
        }
    }
}
