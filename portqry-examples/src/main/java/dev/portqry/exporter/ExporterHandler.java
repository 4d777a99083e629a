package dev.portqry.exporter;

import dev.portqry.core.PortProbe;
import dev.portqry.core.SafeText;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.NetUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one connection's requests: {@code /probe}, {@code /metrics} and {@code /}. Reading
 * pauses while a probe runs, so a connection has at most one request in flight and responses
 * keep request order.
 */
final class ExporterHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** Prometheus' header with the scrape timeout in seconds. */
    static final String SCRAPE_TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds";
    private static final Logger LOG = LoggerFactory.getLogger(ExporterHandler.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Shared shared;

    /** @param shared what every connection shares, not null */
    ExporterHandler(Shared shared) {
        this.shared = shared;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        long arrived = System.nanoTime();
        boolean keepAlive = HttpUtil.isKeepAlive(req) && req.decoderResult().isSuccess();
        if (req.decoderResult().isFailure()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "malformed request\n", false, "bad_request");
            return;
        }
        if (!req.method().equals(HttpMethod.GET)) {
            FullHttpResponse r = response(HttpResponseStatus.METHOD_NOT_ALLOWED, TEXT, "only GET is served\n");
            r.headers().set(HttpHeaderNames.ALLOW, "GET");
            shared.metrics.refused("bad_request");
            send(ctx, r, keepAlive);
            return;
        }
        Optional<String> badHost = shared.hostCheck(req.headers().get(HttpHeaderNames.HOST));
        if (badHost.isPresent()) {
            refuse(ctx, HttpResponseStatus.FORBIDDEN, badHost.get() + "\n", keepAlive, "bad_request");
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8, true, 16);
        switch (uri.path()) {
            case "/probe" -> probe(ctx, req, uri, keepAlive, arrived);
            case "/metrics" -> send(ctx, response(HttpResponseStatus.OK, ProbeMetrics.CONTENT_TYPE, shared.metrics.text()),
                    keepAlive);
            case "/" -> send(ctx, response(HttpResponseStatus.OK, "text/html; charset=utf-8",
                    IndexPage.html(shared.options.config())), keepAlive);
            default -> refuse(ctx, HttpResponseStatus.NOT_FOUND, "not found; see / for the modules\n", keepAlive,
                    "bad_request");
        }
    }

    private void probe(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri, boolean keepAlive,
                       long arrived) {
        String target = single(uri, "target");
        String moduleName = single(uri, "module");
        if (target == null || target.isBlank()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "target parameter is missing\n", keepAlive, "bad_request");
            return;
        }
        Optional<ProbeModule> module = shared.options.config().module(moduleName == null ? "" : moduleName);
        if (module.isEmpty()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "unknown module " + SafeText.escape(String.valueOf(moduleName))
                    + "; see / for the modules\n", keepAlive, "bad_request");
            return;
        }
        Duration deadline;
        try {
            deadline = deadline(module.get(), req.headers().get(SCRAPE_TIMEOUT_HEADER));
        } catch (IllegalArgumentException e) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n", keepAlive, "bad_request");
            return;
        }
        if (shared.probes.incrementAndGet() > shared.options.config().maxConcurrentProbes()) {
            shared.probes.decrementAndGet();
            refuse(ctx, HttpResponseStatus.TOO_MANY_REQUESTS, "too many probes at once (at most "
                    + shared.options.config().maxConcurrentProbes() + ")\n", keepAlive, "concurrency");
            return;
        }
        ctx.channel().config().setAutoRead(false);
        // Starting a module's probes takes real work (channels, TLS engines, codecs): it runs on the
        // dispatch pool, so this event loop keeps reading other requests; the deadline counts from
        // the request's arrival, so time spent queued there counts too.
        Duration limit = deadline;
        CompletableFuture<ProbeReport> run;
        try {
            run = CompletableFuture.supplyAsync(() -> shared.prober.run(module.get(), target.trim(), limit, arrived),
                    shared.dispatch).thenCompose(f -> f);
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        // The exposition is rendered on the dispatch pool, never on the engine's I/O threads (where
        // the last probe completed) nor on the one HTTP event loop, so that 100 reports due at the
        // same deadline render in parallel and delay no probe.
        run.whenCompleteAsync((report, error) -> {
            shared.probes.decrementAndGet();
            ctx.channel().config().setAutoRead(true);
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TargetRefusedException) {
                refuse(ctx, HttpResponseStatus.FORBIDDEN, SafeText.escape(cause.getMessage()) + "\n", keepAlive, "allow_list");
            } else if (cause != null) {
                LOG.warn("probe of {} with module {} failed: {}", SafeText.escape(target), module.get().name(),
                        SafeText.escape(String.valueOf(cause)));
                send(ctx, response(HttpResponseStatus.INTERNAL_SERVER_ERROR, TEXT, "probe failed: "
                        + SafeText.escape(String.valueOf(cause)) + "\n"), keepAlive);
            } else {
                shared.metrics.probed(module.get().name(), report.success());
                send(ctx, response(HttpResponseStatus.OK, ProbeMetrics.CONTENT_TYPE, ProbeMetrics.write(report)), keepAlive);
            }
        }, shared.dispatch);
    }

    /**
     * The probe's deadline: Prometheus' scrape timeout minus the margin (half the timeout when
     * the margin would leave less than that), capped by the module's timeout; the module's
     * timeout without the header.
     */
    Duration deadline(ProbeModule module, String header) {
        if (header == null || header.isBlank()) {
            return module.timeout();
        }
        double seconds;
        try {
            seconds = Double.parseDouble(header.trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new IllegalArgumentException(SCRAPE_TIMEOUT_HEADER + " must be a number of seconds, 0-3600, was "
                    + SafeText.escape(header));
        }
        long nanos = (long) (seconds * 1e9);
        long margin = shared.options.scrapeTimeoutMargin().toNanos();
        long d = Math.max(nanos - margin, nanos / 2);
        return Duration.ofNanos(Math.min(d, module.timeout().toNanos()));
    }

    private static String single(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String body, boolean keepAlive, String reason) {
        shared.metrics.refused(reason);
        send(ctx, response(status, TEXT, body), keepAlive);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, String body) {
        return response(status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        r.headers().set("X-Content-Type-Options", "nosniff");
        return r;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            r.release();
            return;
        }
        if (keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(r);
        } else {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("exporter connection closed after {}", SafeText.escape(String.valueOf(cause)));
        ctx.close();
    }

    /** What every connection shares: the engine, the options, the metrics and the probe count. */
    static final class Shared {
        final PortProbe probe;
        final ExporterOptions options;
        final ExporterMetrics metrics;
        final AtomicInteger probes;
        final ModuleProber prober;
        final Executor dispatch;

        Shared(PortProbe probe, ExporterOptions options, ExporterMetrics metrics, AtomicInteger probes, Executor dispatch) {
            this.probe = probe;
            this.options = options;
            this.metrics = metrics;
            this.probes = probes;
            this.prober = new ModuleProber(probe, options.probeOptions(), options.config().allowList());
            this.dispatch = dispatch;
        }

        /**
         * Bound to loopback, only IP literals and {@code localhost} are accepted as Host (a
         * DNS-rebound name is refused); bound elsewhere (a Kubernetes Service, a site's address),
         * any Host is.
         *
         * @return why the Host is refused, empty when it is accepted
         */
        Optional<String> hostCheck(String host) {
            if (!options.bindAddress().isLoopbackAddress()) {
                return Optional.empty();
            }
            if (host == null || host.isBlank()) {
                return Optional.of("the request has no Host header");
            }
            String h = host.trim().toLowerCase(Locale.ROOT);
            String name = h;
            if (h.startsWith("[")) {
                int end = h.indexOf(']');
                name = end < 0 ? h : h.substring(1, end);
            } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
                name = h.substring(0, h.indexOf(':'));
            }
            if (name.equals("localhost") || NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name)) {
                return Optional.empty();
            }
            return Optional.of("Host " + SafeText.escape(host.trim()) + " is not an address of this exporter");
        }
    }
}
