package dev.portqry.ui;

import dev.portqry.cli.JsonWriter;
import dev.portqry.core.PortProbe;
import dev.portqry.core.SafeText;
import dev.portqry.protocols.ad.CheckColumn;
import dev.portqry.protocols.ad.DomainCell;
import dev.portqry.protocols.ad.DomainCheck;
import dev.portqry.protocols.ad.DomainController;
import dev.portqry.protocols.ad.DomainControllerLocator;
import dev.portqry.protocols.ad.DomainControllers;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The web UI's "Domain" view, server side: takes a domain query, finds its controllers and streams
 * one event per cell as the checks complete. {@link #run} is transport-free (events go to a
 * callback); {@link #send} is the one HTTP binding (server-sent events on
 * {@code GET /api/domain/events?domain=...&dnsserver=...&site=...}). Wire text in the events is
 * already escaped with {@link SafeText#escape}.
 *
 * <p>Events: {@code discovery} (server, records, controllers, columns), one {@code cell} per
 * controller and column, then {@code end} ({@code exitCode}, {@code message}).
 */
final class DomainStream {
    /** The longest a domain query may run before its stream is closed. */
    static final Duration MAX_RUN = Duration.ofMinutes(3);

    private DomainStream() {
    }

    /**
     * A checked query.
     *
     * @param domain the DNS domain
     * @param dnsServer the DNS server, empty for the system's
     * @param site the site, empty for the domain-wide records
     */
    record Request(String domain, Optional<InetSocketAddress> dnsServer, Optional<String> site) {
        Request {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(dnsServer, "dnsServer");
            Objects.requireNonNull(site, "site");
        }
    }

    /** One server-sent event: its name and JSON data. */
    record Event(String name, String json) {
    }

    /**
     * @param rawQuery the URL's query string, may be null
     * @return the checked request
     * @throws ApiException 400 naming the bad field
     */
    static Request parse(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String kv : rawQuery.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8).trim());
                }
            }
        }
        String domain;
        try {
            domain = DomainControllerLocator.checkName("domain", q.getOrDefault("domain", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.field(400, "domain", "Enter a DNS domain such as corp.example.test");
        }
        Optional<InetSocketAddress> server = Optional.empty();
        String s = q.getOrDefault("dnsserver", "");
        if (!s.isEmpty()) {
            byte[] b = NetUtil.createByteArrayFromIpAddressString(s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s);
            if (b == null) {
                throw ApiException.field(400, "dnsserver", "Enter the DNS server as an IP address, or leave it empty for the system's");
            }
            try {
                server = Optional.of(new InetSocketAddress(InetAddress.getByAddress(b), 53));
            } catch (UnknownHostException e) {
                throw ApiException.field(400, "dnsserver", "Enter the DNS server as an IP address");
            }
        }
        String site = q.getOrDefault("site", "");
        if (!site.isEmpty() && !site.matches("[A-Za-z0-9_-]{1,63}")) {
            throw ApiException.field(400, "site", "A site name is 1-63 letters, digits, - or _");
        }
        return new Request(domain, server, site.isEmpty() ? Optional.empty() : Optional.of(site));
    }

    /**
     * Runs a domain query; never throws, every outcome ends with an {@code end} event.
     *
     * @param probe the engine, not closed here
     * @param req the query
     * @param check the checks to run
     * @param sink gets the events in order, from I/O threads
     * @return completes after the {@code end} event
     */
    static CompletableFuture<Void> run(PortProbe probe, Request req, DomainCheck check, Consumer<Event> sink) {
        DomainControllerLocator locator;
        try {
            DomainControllerLocator.Builder b = DomainControllerLocator.builder();
            req.dnsServer().ifPresent(b::dnsServer);
            req.site().ifPresent(b::site);
            locator = b.build();
        } catch (RuntimeException e) {
            sink.accept(end(5, e.getMessage()));
            return CompletableFuture.completedFuture(null);
        }
        return locator.locate(req.domain()).thenCompose(dcs -> {
            sink.accept(new Event("discovery", JsonWriter.write(discovery(dcs, check.columns()))));
            if (dcs.controllers().isEmpty()) {
                sink.accept(end(dcs.serverSilent() ? 6 : 4, SafeText.escape(dcs.problem().orElse("no domain controllers"))));
                return CompletableFuture.<Void>completedFuture(null);
            }
            return check.run(probe, dcs, c -> sink.accept(new Event("cell", JsonWriter.write(cell(c)))))
                    .thenAccept(m -> sink.accept(end(m.exitCode(), "Checked " + m.rows().size() + " domain controllers in "
                            + m.elapsed().toMillis() + " ms")));
        }).exceptionally(e -> {
            sink.accept(end(5, "Failed: " + SafeText.escape(String.valueOf(e.getMessage()))));
            return null;
        }).whenComplete((v, e) -> locator.close());
    }

    private static Event end(int exitCode, String message) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("exitCode", exitCode);
        o.put("message", message);
        return new Event("end", JsonWriter.write(o));
    }

    private static Map<String, Object> discovery(DomainControllers d, List<CheckColumn> columns) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("domain", SafeText.escape(d.domain()));
        o.put("dnsServer", io.netty.util.NetUtil.toAddressString(d.dnsServer().getAddress()) + " port " + d.dnsServer().getPort());
        o.put("records", d.queries().stream().map(q -> Map.of("name", SafeText.escape(q.name()), "outcome", q.outcome().name(),
                "targets", q.records().stream().map(r -> SafeText.escape(r.target()) + ":" + r.port()).toList())).toList());
        o.put("controllers", d.controllers().stream().map(DomainStream::controller).toList());
        o.put("columns", columns.stream().map(c -> Map.of("key", c.key(), "label", c.label(), "description", c.description())).toList());
        return o;
    }

    private static Map<String, Object> controller(DomainController dc) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("hostName", SafeText.escape(dc.hostName()));
        o.put("addresses", dc.addresses().stream().map(io.netty.util.NetUtil::toAddressString).toList());
        o.put("roles", dc.roles().stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        o.put("problem", SafeText.escape(dc.addressProblem()));
        return o;
    }

    private static Map<String, Object> cell(DomainCell c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("controller", SafeText.escape(c.controller()));
        o.put("column", c.column().key());
        o.put("state", c.state().displayName());
        o.put("short", c.state().shortName());
        o.put("exitCode", c.state().exitCode());
        o.put("value", SafeText.escape(c.value()));
        o.put("reason", SafeText.escape(c.reason()));
        o.put("elapsedMs", c.elapsed().toMillis());
        return o;
    }

    /**
     * The HTTP binding: streams a query's events as {@code text/event-stream} until {@code end};
     * returns at once (events are written as they come, with the HTTP layer's back-pressure and
     * write deadline). A page that goes away stops the stream; the checks finish on their own
     * deadlines, and the whole run is cut at {@link #MAX_RUN}.
     *
     * @param call the request {@code GET /api/domain/events}
     * @param probe the engine
     * @param ui the server's options (heartbeat, base probe options)
     * @throws ApiException 400 naming a bad field
     */
    static void send(HttpCall call, PortProbe probe, UiOptions ui) {
        Request req = parse(call.rawQuery());
        DomainCheck check = DomainCheck.builder().options(DomainCheck.DEFAULT_OPTIONS.toBuilder()
                .tcpConnectTimeout(ui.probeOptions().tcpConnectTimeout()).responderTimeout(ui.probeOptions().responderTimeout())
                .build()).build();
        SseStream stream = call.eventStream(ui.heartbeat());
        stream.retry(Duration.ofDays(1));
        stream.start();
        AtomicBoolean ended = new AtomicBoolean();
        Consumer<Event> sink = e -> {
            if (ended.get()) {
                return;
            }
            stream.send(e.name(), e.json());
            if (e.name().equals("end") && ended.compareAndSet(false, true)) {
                stream.end();
            }
        };
        run(probe, req, check, sink).orTimeout(MAX_RUN.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    sink.accept(end(5, "Stopped after " + MAX_RUN.toMinutes() + " minutes"));
                    return null;
                });
    }
}
