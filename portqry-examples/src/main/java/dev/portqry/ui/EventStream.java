package dev.portqry.ui;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams one query's events to the page as server-sent events: {@code start}, one
 * {@code result} per port in completion order, then {@code end}, after which the stream closes.
 * The page closing its stream (Cancel, a new query, a closed tab) cancels a running query once
 * no other stream of it is open; a stream dropped because its page stopped reading cancels the
 * query at once.
 */
final class EventStream {
    /** A stream the network broke is not reopened by the browser: the query was cancelled with it. */
    private static final Duration NO_RECONNECT = Duration.ofDays(1);

    private final Duration heartbeat;

    /** @param heartbeat the interval of keep-alive comments */
    EventStream(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    /**
     * Opens the query's stream; returns at once (events are written as they come).
     *
     * @param call the request
     * @param session the query
     */
    void send(HttpCall call, QuerySession session) {
        SseStream stream = call.eventStream(heartbeat);
        stream.retry(NO_RECONNECT);
        Consumer<QuerySession.Event> forward = e -> {
            stream.send(e.name(), e.json());
            if (e.isEnd()) {
                stream.end();
            }
        };
        Optional<Consumer<QuerySession.Event>> sub = session.subscribe(forward);
        if (sub.isEmpty()) {
            stream.decline(Responses.error(429, "This query already has " + QuerySession.MAX_SUBSCRIBERS + " open streams", Map.of()));
            return;
        }
        stream.onClose(stalled -> {
            if (stalled) {
                session.stop(QuerySession.State.CANCELLED, "Cancelled: the page stopped reading its event stream");
            }
            session.unsubscribe(forward);
        });
        stream.start();
    }
}
