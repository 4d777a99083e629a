package dev.portqry.exporter;

import dev.portqry.core.PortProbe;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * portqry's Prometheus exporter, the multi-target pattern of blackbox_exporter: {@code GET
 * /probe?target=HOST&module=NAME} runs one module against one target and answers its metrics;
 * {@code GET /metrics} answers the exporter's own; {@code GET /} lists the modules.
 *
 * <p>Small and hardened, on Netty's HTTP codec with one event-loop thread and no thread per
 * connection or request (a small pool starts each module's probes): a request line of at most 4 KiB, headers of at most 8 KiB, a body of at
 * most 1 KiB; a whole request within the read timeout (a half-sent request is closed); at most
 * {@link ExporterConfig#maxConnections()} connections (503 past it) and
 * {@link ExporterConfig#maxConcurrentProbes()} probes (429); GET only (405); targets outside the
 * allow-list get 403. Bound to loopback, it accepts only IP literals and {@code localhost} as
 * {@code Host}, so a DNS-rebound web page cannot read it.
 *
 * <pre>{@code
 * try (PortProbe probe = PortProbe.builder().build();
 *      ExporterServer server = ExporterServer.start(probe, ExporterOptions.builder().port(0).build())) {
 *     System.out.println(server.uri().resolve("/probe?module=ad_dc&target=127.0.0.1"));
 * }
 * }</pre>
 */
public final class ExporterServer implements AutoCloseable {
    /** Longest request line accepted. */
    static final int MAX_INITIAL_LINE = 4096;
    /** Largest header block accepted. */
    static final int MAX_HEADERS = 8192;
    /** Largest body accepted (a GET has none). */
    static final int MAX_BODY = 1024;
    /** Threads that start modules' probes (the probes themselves run on the engine's event loops). */
    static final int DISPATCH_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final byte[] BUSY = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 37\r\nConnection: close\r\n\r\ntoo many connections to the exporter\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup group;
    private final Channel channel;
    private final ExporterOptions options;
    private final AtomicInteger connections;
    private final ExecutorService dispatch;

    private ExporterServer(EventLoopGroup group, Channel channel, ExporterOptions options, AtomicInteger connections,
                           ExecutorService dispatch) {
        this.dispatch = dispatch;
        this.group = group;
        this.channel = channel;
        this.options = options;
        this.connections = connections;
    }

    /**
     * Binds and starts serving.
     *
     * @param probe the engine, not null; not closed by the server
     * @param options where to listen, modules and limits, not null
     * @return the running server
     * @throws IOException when the address or port cannot be bound
     */
    public static ExporterServer start(PortProbe probe, ExporterOptions options) throws IOException {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(options, "options");
        // Load the metrics client's classes now, not in the first scrape's deadline.
        ProbeMetrics.write(new ProbeReport(options.config().modules().values().iterator().next(), "warm-up",
                java.util.Optional.empty(), java.time.Duration.ZERO, java.util.List.of(), java.util.Optional.empty(),
                java.time.Duration.ZERO, java.util.Optional.of("warm-up")));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();
        ExporterMetrics metrics = new ExporterMetrics(probes::get, connections::get);
        ExecutorService dispatch = Executors.newFixedThreadPool(DISPATCH_THREADS, r -> {
            Thread t = new Thread(r, "portqry-exporter-dispatch");
            t.setDaemon(true);
            return t;
        });
        ExporterHandler.Shared shared = new ExporterHandler.Shared(probe, options, metrics, probes, dispatch);
        int cap = options.config().maxConnections();
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        int open = connections.incrementAndGet();
                        ch.closeFuture().addListener(f -> connections.decrementAndGet());
                        if (open > cap) {
                            metrics.refused("connections");
                            ch.pipeline().addLast(new Busy());
                            return;
                        }
                        ch.pipeline().addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192),
                                new ReadDeadlineHandler(options.readTimeout()),
                                new HttpObjectAggregator(MAX_BODY),
                                new ExporterHandler(shared));
                    }
                });
        try {
            Channel ch = b.bind(new InetSocketAddress(options.bindAddress(), options.port())).sync().channel();
            return new ExporterServer(group, ch, options, connections, dispatch);
        } catch (Exception e) {
            dispatch.shutdownNow();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } catch (Throwable t) {
            dispatch.shutdownNow();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw t;
        }
    }

    /** @return the port listened on (the one chosen when 0 was asked) */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** @return the base address, e.g. {@code http://127.0.0.1:9135/} */
    public URI uri() {
        String host = NetUtil.toAddressString(options.bindAddress());
        if (options.bindAddress().isAnyLocalAddress()) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** @return whether other computers can reach the exporter (bound to anything but loopback) */
    public boolean reachableFromOtherHosts() {
        return !options.bindAddress().isLoopbackAddress();
    }

    /** @return connections open now */
    int connections() {
        return connections.get();
    }

    /** Stops listening, closes every connection and the event loop; waits at most 5 s. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        dispatch.shutdownNow();
    }

    /** Answers a connection past the cap with 503 and closes it, reading nothing. */
    private static final class Busy extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(BUSY)).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }
}
