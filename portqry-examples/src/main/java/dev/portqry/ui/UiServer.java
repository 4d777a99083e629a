package dev.portqry.ui;

import dev.portqry.core.PortProbe;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PortQryUI for every platform: a small local web server (a {@link GuardedHttpServer} on Netty)
 * whose page queries ports with a {@link PortProbe} and shows each result as it completes.
 *
 * <pre>{@code
 * try (PortProbe probe = PortProbe.builder().build();
 *      UiServer ui = UiServer.start(probe, UiOptions.defaults())) {
 *     System.out.println("Open " + ui.uri());
 *     Thread.currentThread().join();
 * }
 * }</pre>
 *
 * <p>Safe by default: it binds the loopback address, refuses requests whose {@code Host} or
 * {@code Origin} is not its own (other web sites and DNS rebinding), runs at most
 * {@link UiOptions#maxQueries()} queries at once, each until its deadline; and it holds up to
 * abusive clients: one event loop thread for every connection, at most
 * {@value HttpLimits#DEFAULT_MAX_CONNECTIONS} connections, deadlines for requests that arrive
 * slowly and for event streams that are not read (see {@link HttpLimits}).
 */
public final class UiServer implements AutoCloseable {
    /** Threads that build reports, and reports waiting for one. */
    private static final int WORKERS = 2;
    private static final int WORK_QUEUE = 32;

    private final GuardedHttpServer http;
    private final ThreadPoolExecutor work;
    private final QueryManager queries;
    private final URI uri;

    private UiServer(GuardedHttpServer http, ThreadPoolExecutor work, QueryManager queries, URI uri) {
        this.http = http;
        this.work = work;
        this.queries = queries;
        this.uri = uri;
    }

    /**
     * Binds and starts the server.
     *
     * @param probe the engine every query uses, not null; not closed by {@link #close()}
     * @param options where to listen and the limits, not null
     * @return the running server
     * @throws IOException when the address or port cannot be bound
     */
    public static UiServer start(PortProbe probe, UiOptions options) throws IOException {
        return start(probe, options, HttpLimits.defaults());
    }

    /**
     * @param probe the engine every query uses
     * @param options where to listen and the query limits
     * @param limits what one HTTP client may cost (tests shorten or lengthen the deadlines)
     * @return the running server
     * @throws IOException when the address or port cannot be bound
     */
    static UiServer start(PortProbe probe, UiOptions options, HttpLimits limits) throws IOException {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(limits, "limits");
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor work = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORK_QUEUE), r -> {
                    Thread t = new Thread(r, "portqry-ui-work-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        work.allowCoreThreadTimeOut(true);
        QueryManager queries = new QueryManager(probe, options);
        GuardedHttpServer http;
        try {
            http = GuardedHttpServer.start(options.bindAddress(), options.port(), limits, Responses.SECURITY_HEADERS,
                    new UiHandler(queries, options, work));
        } catch (IOException | RuntimeException e) {
            queries.close();
            work.shutdownNow();
            throw e;
        }
        return new UiServer(http, work, queries, uri(options.bindAddress(), http.address().getPort()));
    }

    /** @return the address to open in a browser, e.g. {@code http://127.0.0.1:8135/} */
    public URI uri() {
        return uri;
    }

    /** @return whether other computers can reach the server (it is not bound to a loopback address) */
    public boolean reachableFromOtherHosts() {
        return !http.address().getAddress().isLoopbackAddress();
    }

    /** @return how many queries run now */
    public int runningQueries() {
        return queries.running();
    }

    /** @return HTTP connections open now */
    int connections() {
        return http.connections();
    }

    /** Cancels running queries, then stops serving; waits up to about 3 s. */
    @Override
    public void close() {
        queries.close();
        http.close();
        work.shutdownNow();
    }

    private static URI uri(InetAddress bound, int port) {
        InetAddress shown = bound;
        if (bound.isAnyLocalAddress()) {
            shown = InetAddress.getLoopbackAddress();
        }
        String host = NetUtil.toAddressString(shown);
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port + "/");
    }
}
