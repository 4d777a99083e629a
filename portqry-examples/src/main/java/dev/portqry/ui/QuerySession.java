package dev.portqry.ui;

import dev.portqry.cli.JsonReport;
import dev.portqry.cli.JsonWriter;
import dev.portqry.cli.TextReport;
import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.Scan;
import dev.portqry.core.ScanListener;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.protocols.snmp.SnmpResponder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One query the page started: its {@link Scan}, the events it produced (kept so that a stream
 * opened late, or reopened, replays them) and its results for export. Results are published in
 * completion order as {@code result} events; {@code start} comes first and {@code end} last.
 * Thread-safe: the scan calls in from the probe's event loops, streams from the server's.
 */
final class QuerySession {
    /** Streams one query may have open at once. */
    static final int MAX_SUBSCRIBERS = 4;

    /** Where a query is in its life; the lower-case name (or {@code deadline}) goes on the wire. */
    enum State {
        RUNNING, DONE, CANCELLED, DEADLINE, FAILED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One server-sent event.
     *
     * @param name the event name
     * @param json its data, one line of JSON
     */
    record Event(String name, String json) {
        boolean isEnd() {
            return name.equals("end");
        }
    }

    private final String id;
    private final QueryRequest request;
    private final ResolvedTarget target;
    private final PortProbe probe;
    private final Runnable onEnd;
    private final PortStatus[] results;
    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> subscribers = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private boolean everSubscribed;
    private State state = State.RUNNING;
    private int completed;
    private volatile Scan scan;

    /**
     * @param id the query's unguessable id
     * @param request what to probe
     * @param target the resolved target
     * @param probe the engine
     * @param onEnd runs once when the query ends, however it ends
     */
    QuerySession(String id, QueryRequest request, ResolvedTarget target, PortProbe probe, Runnable onEnd) {
        this.id = id;
        this.request = request;
        this.target = target;
        this.probe = probe;
        this.onEnd = onEnd;
        this.results = new PortStatus[request.ports().size()];
    }

    /** Publishes {@code start} and starts the scan. */
    void start() {
        publish(new Event("start", startJson()));
        ScanListener listener = new ScanListener() {
            @Override
            public void onResult(int index, PortStatus status) {
                accept(index, status);
            }
        };
        try {
            scan = probe.scan(target, request.ports(), request.options(), listener);
        } catch (RuntimeException e) {
            finish(State.FAILED, "The query could not start: " + e.getMessage());
            return;
        }
        scan.completion().whenComplete((all, error) -> {
            if (error == null) {
                finish(State.DONE, "Finished " + completed() + " of " + results.length + " ports in "
                        + seconds(System.nanoTime() - startNanos));
            } else if (!(error instanceof CancellationException)) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                finish(State.FAILED, "The query failed: " + cause.getMessage());
            }
        });
    }

    /**
     * Stops the query, when it still runs.
     *
     * @param why {@link State#CANCELLED} or {@link State#DEADLINE}
     * @param message why, in words, for the page
     */
    void stop(State why, String message) {
        if (finish(why, message + " after " + completed() + " of " + results.length + " ports")) {
            Scan s = scan;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /**
     * Opens a stream: the subscriber is given every event so far, then each new one, in order.
     * It is called with this session's lock held, so it must not block (it queues).
     *
     * @param subscriber receives the events, not null
     * @return the subscriber, empty when {@link #MAX_SUBSCRIBERS} streams are open
     */
    synchronized Optional<Consumer<Event>> subscribe(Consumer<Event> subscriber) {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            return Optional.empty();
        }
        events.forEach(subscriber);
        subscribers.add(subscriber);
        everSubscribed = true;
        return Optional.of(subscriber);
    }

    /**
     * Closes a stream; when the last stream of a running query closes, the page is gone, so the
     * query is cancelled.
     *
     * @param subscriber the one {@link #subscribe(Consumer)} took
     */
    void unsubscribe(Consumer<Event> subscriber) {
        boolean last;
        synchronized (this) {
            subscribers.remove(subscriber);
            last = subscribers.isEmpty() && state == State.RUNNING;
        }
        if (last) {
            stop(State.CANCELLED, "Cancelled: the page closed its event stream");
        }
    }

    /** @return whether a stream was ever opened */
    synchronized boolean everSubscribed() {
        return everSubscribed;
    }

    /** @return where the query is */
    synchronized State state() {
        return state;
    }

    /** @return the query's id */
    String id() {
        return id;
    }

    /** @return the target as typed, for file names */
    String target() {
        return request.target();
    }

    /** @return the results so far as a JSON array of the CLI's {@code -json} objects, in query order */
    String exportJson() {
        List<String> objects = new ArrayList<>();
        for (PortStatus s : snapshot()) {
            objects.add(JsonReport.port(request.target(), s));
        }
        return objects.isEmpty() ? "[]\n" : "[\n" + String.join(",\n", objects) + "\n]\n";
    }

    /** @return the results so far as PortQry's text, in query order */
    List<String> exportText() {
        List<String> lines = new ArrayList<>(header());
        for (PortStatus s : snapshot()) {
            lines.addAll(portLines(s));
        }
        return lines;
    }

    private List<String> header() {
        boolean reverse = request.options().reverseLookup();
        List<String> lines = new ArrayList<>(TextReport.targetHeader(request.target()));
        TextReport.resolving(request.target(), target.literal(), reverse).ifPresent(lines::add);
        lines.addAll(TextReport.resolved(target, reverse));
        return lines;
    }

    private List<String> portLines(PortStatus s) {
        Optional<ProtocolResponder> r;
        try {
            r = probe.responderFor(s.protocol(), s.port(), request.options());
        } catch (IllegalArgumentException e) {
            r = Optional.empty();
        }
        boolean ephemeral = request.options().sourcePort() != 0 && r.map(x -> x.usesEphemeralSourcePort(s.protocol())).orElse(false);
        // The SNMP block names the community the query used, as the CLI's does.
        TextReport.PortStyle plain = TextReport.PortStyle.of(s);
        return TextReport.port(s, r, new TextReport.PortStyle(plain.service(), ephemeral,
                request.options().setting(SnmpResponder.COMMUNITY)));
    }

    private synchronized List<PortStatus> snapshot() {
        List<PortStatus> out = new ArrayList<>();
        for (PortStatus s : results) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private synchronized int completed() {
        return completed;
    }

    private void accept(int index, PortStatus status) {
        String json = "{\"index\":" + index + ",\"status\":" + JsonReport.port(request.target(), status)
                + ",\"text\":" + JsonWriter.write(portLines(status)) + "}";
        synchronized (this) {
            if (state != State.RUNNING) {
                return; // finished a moment after a cancel: the page has already been told the query ended
            }
            results[index] = status;
            completed++;
            publish(new Event("result", json));
        }
    }

    private boolean finish(State end, String message) {
        Event last;
        synchronized (this) {
            if (state != State.RUNNING) {
                return false;
            }
            state = end;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("state", end.wireName());
            o.put("message", message);
            o.put("completed", completed);
            o.put("count", results.length);
            o.put("elapsedMs", Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
            last = new Event("end", JsonWriter.write(o));
        }
        // The slot is free before the page hears the end, so a query it starts at once is not refused.
        onEnd.run();
        publish(last);
        return true;
    }

    private synchronized void publish(Event e) {
        events.add(e);
        for (Consumer<Event> q : subscribers) {
            q.accept(e);
        }
    }

    private String startJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("target", request.target());
        o.put("address", target.first());
        o.put("reverseName", target.reverseName());
        o.put("service", request.service());
        o.put("count", results.length);
        o.put("header", header());
        return JsonWriter.write(o);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
