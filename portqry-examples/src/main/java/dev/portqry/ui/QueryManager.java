package dev.portqry.ui;

import dev.portqry.cli.ResponderSettings;
import dev.portqry.core.PortProbe;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.UnresolvedTargetException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, finds and bounds the queries: at most {@link UiOptions#maxQueries()} run at once (the
 * next is refused with 429), each is cancelled at its deadline or when no page streams it, and
 * the last {@link #KEPT} finished ones stay available for export.
 */
final class QueryManager implements AutoCloseable {
    /** Finished queries kept for export. */
    static final int KEPT = 32;
    /** Longest wait for a name to resolve. */
    static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(20);

    private final PortProbe probe;
    private final UiOptions ui;
    private final ResponderSettings settings;
    private final Semaphore slots;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, QuerySession> sessions = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portqry-ui-timer");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param probe the engine, not closed here
     * @param ui limits and base options
     */
    QueryManager(PortProbe probe, UiOptions ui) {
        this.probe = probe;
        this.ui = ui;
        this.settings = new ResponderSettings(probe.responders());
        this.slots = new Semaphore(ui.maxQueries());
    }

    /** @return the probe engine (the Domain view runs its checks on it too) */
    PortProbe probe() {
        return probe;
    }

    /** @return the responder settings the form's community goes to */
    ResponderSettings settings() {
        return settings;
    }

    /**
     * Checks the form, then resolves the target and starts the query without blocking the caller.
     *
     * @param form the posted form
     * @return completes with the running query, or with an {@link ApiException}: 422 target not
     *     resolved (within {@link #RESOLVE_TIMEOUT}), 503 stopping
     * @throws ApiException 400 bad form, 429 too many queries (at once, before any resolving)
     */
    CompletableFuture<QuerySession> start(QueryForm form) {
        QueryRequest req = form.check(ui, settings);
        if (!slots.tryAcquire()) {
            throw new ApiException(429, ui.maxQueries() + " queries are already running; wait for one to finish or cancel it",
                    Map.of());
        }
        CompletableFuture<ResolvedTarget> resolved;
        try {
            resolved = probe.resolve(req.target(), req.options());
        } catch (RuntimeException e) {
            slots.release();
            throw new ApiException(503, "The server is shutting down", Map.of());
        }
        return resolved.orTimeout(RESOLVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).handle((target, error) -> {
            boolean started = false;
            try {
                if (error != null) {
                    throw unresolved(req, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                }
                QuerySession s = open(req, target);
                started = true;
                s.start();
                return s;
            } finally {
                if (!started) {
                    slots.release();
                }
            }
        });
    }

    private QuerySession open(QueryRequest req, ResolvedTarget target) {
        String id = HexFormat.of().formatHex(bytes(16));
        QuerySession s = new QuerySession(id, req, target, probe, slots::release);
        register(s);
        timer.schedule(() -> s.stop(QuerySession.State.DEADLINE, "Stopped at the deadline of " + describe(ui.deadline())),
                ui.deadline().toMillis(), TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            if (!s.everSubscribed()) {
                s.stop(QuerySession.State.CANCELLED, "Cancelled: no page opened its event stream");
            }
        }, ui.attachTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /**
     * @param id a query id
     * @return the query, empty when unknown or evicted
     */
    synchronized Optional<QuerySession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** @return how many queries run now */
    int running() {
        return ui.maxQueries() - slots.availablePermits();
    }

    private static ApiException unresolved(QueryRequest req, Throwable cause) {
        if (cause instanceof UnresolvedTargetException u) {
            return ApiException.field(422, "target", u.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return ApiException.field(422, "target", "Resolving " + req.target() + " took longer than " + describe(RESOLVE_TIMEOUT));
        }
        if (cause instanceof IllegalStateException) {
            return new ApiException(503, "The server is shutting down", Map.of());
        }
        return ApiException.field(422, "target", "Could not resolve " + req.target() + ": " + cause);
    }

    private synchronized void register(QuerySession s) {
        sessions.put(s.id(), s);
        int finished = 0;
        for (QuerySession q : sessions.values()) {
            finished += q.state() == QuerySession.State.RUNNING ? 0 : 1;
        }
        for (Iterator<QuerySession> it = sessions.values().iterator(); it.hasNext() && finished > KEPT; ) {
            if (it.next().state() != QuerySession.State.RUNNING) {
                it.remove();
                finished--;
            }
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String describe(Duration d) {
        return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toMillis() / 1000.0 + " s";
    }

    /** Cancels every running query and stops the timers. */
    @Override
    public void close() {
        synchronized (this) {
            sessions.values().forEach(s -> s.stop(QuerySession.State.CANCELLED, "Cancelled: the server is stopping"));
        }
        timer.shutdownNow();
    }
}
