package dev.portqry.ui;

import com.sun.net.httpserver.HttpServer;
import dev.portqry.core.PortProbe;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PortQryUI for every platform: a small local web server (the JDK's {@link HttpServer}) whose
 * page queries ports with a {@link PortProbe} and shows each result as it completes.
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
 * {@link UiOptions#maxQueries()} queries at once, each until its deadline.
 */
public final class UiServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService threads;
    private final QueryManager queries;
    private final URI uri;

    private UiServer(HttpServer http, ExecutorService threads, QueryManager queries, URI uri) {
        this.http = http;
        this.threads = threads;
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
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(options, "options");
        HttpServer http = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 64);
        int port = http.getAddress().getPort();
        AtomicInteger n = new AtomicInteger();
        // Each open event stream holds a thread; queries and streams per query are bounded, so this is too.
        ExecutorService threads = Executors.newFixedThreadPool(8 + options.maxQueries() * QuerySession.MAX_SUBSCRIBERS, r -> {
            Thread t = new Thread(r, "portqry-ui-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        QueryManager queries = new QueryManager(probe, options);
        http.createContext("/", new UiHandler(new HostGuard(options.bindAddress(), port), queries, options));
        http.setExecutor(threads);
        http.start();
        return new UiServer(http, threads, queries, uri(options.bindAddress(), port));
    }

    /** @return the address to open in a browser, e.g. {@code http://127.0.0.1:8135/} */
    public URI uri() {
        return uri;
    }

    /** @return whether other computers can reach the server (it is not bound to a loopback address) */
    public boolean reachableFromOtherHosts() {
        return !http.getAddress().getAddress().isLoopbackAddress();
    }

    /** @return how many queries run now */
    public int runningQueries() {
        return queries.running();
    }

    /** Cancels running queries, then stops serving; waits up to about 2 s. */
    @Override
    public void close() {
        queries.close();
        http.stop(1);
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
