package dev.portqry.ui;

import dev.portqry.cli.JsonWriter;
import dev.portqry.cli.PredefinedService;
import dev.portqry.cli.PredefinedServices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes every request of the UI after {@link HostGuard} let it through. Runs on the server's
 * event loop and never blocks it: a query's name is resolved asynchronously, and the reports
 * (up to 10,000 ports) are built on a small worker pool.
 *
 * <pre>
 * GET  /                              the page (and /app.css, /app.js, /render.js, /favicon.svg)
 * GET  /api/services                  the predefined services and form defaults
 * POST /api/queries                   start a query (URL-encoded form) : 201 {"id", "events"}
 * GET  /api/queries/{id}/events       its server-sent events
 * POST /api/queries/{id}/cancel       stop it
 * GET  /api/queries/{id}/report.json  its results as JSON, for download
 * GET  /api/queries/{id}/report.txt   its results as PortQry's text, for download
 * GET  /api/domain/events?domain=...  the Domain view: one AD domain's DC matrix as server-sent events ({@link DomainStream})
 * </pre>
 */
final class UiHandler implements HttpService {
    private static final Pattern QUERY = Pattern.compile("/api/queries/([0-9a-f]{32})/(events|cancel|report\\.json|report\\.txt)");

    private final QueryManager queries;
    private final EventStream events;
    private final StaticResources files = new StaticResources();
    private final UiOptions ui;
    private final Executor work;

    /**
     * @param queries the running and finished queries
     * @param ui the server's options
     * @param work builds the reports; may refuse (the request is answered 503)
     */
    UiHandler(QueryManager queries, UiOptions ui, Executor work) {
        this.queries = queries;
        this.ui = ui;
        this.work = work;
        this.events = new EventStream(ui.heartbeat());
    }

    @Override
    public void handle(HttpCall call) {
        try {
            route(call);
        } catch (ApiException e) {
            call.respond(Responses.error(e));
        }
    }

    @Override
    public HttpAnswer error(int status, String message) {
        return Responses.error(status, message, Map.of());
    }

    private void route(HttpCall call) {
        String path = call.path();
        String method = call.method();
        if (StaticResources.serves(path)) {
            allow(method, "GET", "HEAD");
            call.respond(files.answer(path));
        } else if (path.equals("/api/services")) {
            allow(method, "GET");
            call.respond(Responses.json(200, services()));
        } else if (path.equals("/api/domain/events")) {
            allow(method, "GET");
            DomainStream.send(call, queries.probe(), ui);
        } else if (path.equals("/api/queries")) {
            allow(method, "POST");
            start(call);
        } else {
            Matcher m = QUERY.matcher(path);
            if (!m.matches()) {
                throw new ApiException(404, "No such page: " + LogText.of(path), Map.of());
            }
            QuerySession s = queries.find(m.group(1))
                    .orElseThrow(() -> new ApiException(404, "No such query (finished queries are kept for a while only)", Map.of()));
            switch (m.group(2)) {
                case "events" -> {
                    allow(method, "GET");
                    events.send(call, s);
                }
                case "cancel" -> {
                    allow(method, "POST");
                    s.stop(QuerySession.State.CANCELLED, "Cancelled");
                    call.respond(Responses.json(200, JsonWriter.write(Map.of("state", s.state().wireName()))));
                }
                case "report.json" -> {
                    allow(method, "GET");
                    later(call, () -> download(s, "json", "application/json; charset=utf-8", s.exportJson()));
                }
                default -> {
                    allow(method, "GET");
                    later(call, () -> download(s, "txt", "text/plain; charset=utf-8", String.join("\n", s.exportText()) + "\n"));
                }
            }
        }
    }

    private void start(HttpCall call) {
        String type = Optional.ofNullable(call.header("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new ApiException(415, "Post the query as application/x-www-form-urlencoded, was '" + LogText.of(type) + "'", Map.of());
        }
        queries.start(QueryForm.parse(call.body())).whenComplete((s, error) -> {
            if (error != null) {
                call.respond(failure(error));
                return;
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", s.id());
            o.put("events", "/api/queries/" + s.id() + "/events");
            call.respond(Responses.json(201, JsonWriter.write(o)));
        });
    }

    /** Builds the answer on the worker pool and sends it from there. */
    private void later(HttpCall call, Supplier<HttpAnswer> answer) {
        try {
            CompletableFuture.supplyAsync(answer, work).whenComplete((a, error) -> call.respond(error == null ? a : failure(error)));
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "The server is busy building other reports; try again in a moment", Map.of());
        }
    }

    private HttpAnswer failure(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof ApiException a) {
            return Responses.error(a);
        }
        org.slf4j.LoggerFactory.getLogger(UiHandler.class).error("a request failed", e);
        return error(500, "Internal error: " + e);
    }

    private static HttpAnswer download(QuerySession s, String ext, String type, String body) {
        String name = "portqry-" + s.target().replaceAll("[^A-Za-z0-9._-]", "_") + "." + ext;
        return HttpAnswer.of(200, type, body.getBytes(StandardCharsets.UTF_8))
                .with("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private String services() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PredefinedService s : PredefinedServices.services()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", s.key());
            o.put("name", s.name());
            o.put("ports", s.portList());
            list.add(o);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("services", list);
        o.put("community", queries.settings().find(dev.portqry.cli.ArgumentParser.COMMUNITY_SETTING)
                .map(x -> String.valueOf(x.defaultValue())).orElse("public"));
        o.put("maxPorts", ui.maxPorts());
        o.put("maxQueries", ui.maxQueries());
        o.put("deadlineMs", ui.deadline().toMillis());
        return JsonWriter.write(o);
    }

    private static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new ApiException(405, method + " is not allowed here; use " + String.join(" or ", allowed), Map.of());
    }
}
