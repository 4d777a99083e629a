package dev.portqry.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.portqry.cli.JsonWriter;
import dev.portqry.cli.PredefinedService;
import dev.portqry.cli.PredefinedServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request of the UI after {@link HostGuard} let it through.
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
final class UiHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(UiHandler.class);
    private static final Pattern QUERY = Pattern.compile("/api/queries/([0-9a-f]{32})/(events|cancel|report\\.json|report\\.txt)");

    private final HostGuard guard;
    private final QueryManager queries;
    private final EventStream events;
    private final StaticResources files = new StaticResources();
    private final UiOptions ui;

    /**
     * @param guard the Host and Origin check
     * @param queries the running and finished queries
     * @param ui the server's options
     */
    UiHandler(HostGuard guard, QueryManager queries, UiOptions ui) {
        this.guard = guard;
        this.queries = queries;
        this.ui = ui;
        this.events = new EventStream(ui.heartbeat());
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            Optional<String> refused = guard.reject(ex.getRequestHeaders().getFirst("Host"), ex.getRequestHeaders().getFirst("Origin"));
            if (refused.isPresent()) {
                log.warn("refused {} {}: {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), refused.get());
                Responses.error(ex, 403, refused.get(), Map.of());
                return;
            }
            route(ex);
        } catch (ApiException e) {
            Responses.error(ex, e.status(), e.getMessage(), e.fields());
        } catch (IOException e) {
            ex.close(); // the client went away
        } catch (RuntimeException e) {
            log.error("{} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            Responses.error(ex, 500, "Internal error: " + e, Map.of());
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (StaticResources.serves(path)) {
            allow(method, "GET", "HEAD");
            files.send(ex);
        } else if (path.equals("/api/services")) {
            allow(method, "GET");
            Responses.json(ex, 200, services());
        } else if (path.equals("/api/domain/events")) {
            allow(method, "GET");
            DomainStream.send(ex, queries.probe(), ui);
        } else if (path.equals("/api/queries")) {
            allow(method, "POST");
            start(ex);
        } else {
            Matcher m = QUERY.matcher(path);
            if (!m.matches()) {
                throw new ApiException(404, "No such page: " + path, Map.of());
            }
            QuerySession s = queries.find(m.group(1))
                    .orElseThrow(() -> new ApiException(404, "No such query (finished queries are kept for a while only)", Map.of()));
            switch (m.group(2)) {
                case "events" -> {
                    allow(method, "GET");
                    events.send(ex, s);
                }
                case "cancel" -> {
                    allow(method, "POST");
                    s.stop(QuerySession.State.CANCELLED, "Cancelled");
                    Responses.json(ex, 200, JsonWriter.write(Map.of("state", s.state().wireName())));
                }
                case "report.json" -> {
                    allow(method, "GET");
                    download(ex, s, "json", "application/json; charset=utf-8", s.exportJson());
                }
                default -> {
                    allow(method, "GET");
                    download(ex, s, "txt", "text/plain; charset=utf-8", String.join("\n", s.exportText()) + "\n");
                }
            }
        }
    }

    private void start(HttpExchange ex) throws IOException {
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new ApiException(415, "Post the query as application/x-www-form-urlencoded, was '" + type + "'", Map.of());
        }
        QuerySession s = queries.start(QueryForm.parse(Responses.body(ex, QueryForm.MAX_BODY)));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", s.id());
        o.put("events", "/api/queries/" + s.id() + "/events");
        Responses.json(ex, 201, JsonWriter.write(o));
    }

    private static void download(HttpExchange ex, QuerySession s, String ext, String type, String body) throws IOException {
        String name = "portqry-" + s.target().replaceAll("[^A-Za-z0-9._-]", "_") + "." + ext;
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Responses.send(ex, 200, type, body.getBytes(StandardCharsets.UTF_8));
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
