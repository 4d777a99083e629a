package dev.portqry.ui;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on Netty for a local tool's page and API, built to hold up to abusive
 * clients: one event loop thread and no thread per connection; a connection cap (503, then
 * close); deadlines for a request's headers and body and for idle connections
 * ({@link RequestReader}); a body cap (413); a write deadline that drops clients that do not read
 * ({@link WriteDeadline}); the {@link HostGuard} on every request; defensive headers on every
 * response. What it serves is an {@link HttpService}.
 */
final class GuardedHttpServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel server;
    private final InetSocketAddress address;
    private final AtomicInteger open;

    private GuardedHttpServer(EventLoopGroup group, Channel server, AtomicInteger open) {
        this.group = group;
        this.server = server;
        this.address = (InetSocketAddress) server.localAddress();
        this.open = open;
    }

    /**
     * Binds and starts serving.
     *
     * @param bind the address to listen on, not null
     * @param port the port, 0 for any free one
     * @param limits what one client may cost, not null
     * @param defensive headers every response carries, not null
     * @param service what is served, not null
     * @return the running server
     * @throws IOException when the address or port cannot be bound
     */
    static GuardedHttpServer start(InetAddress bind, int port, HttpLimits limits, Map<String, String> defensive,
                                   HttpService service) throws IOException {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(service, "service");
        AnswerWriter writer = new AnswerWriter(defensive, service);
        // The same choice as the core's: epoll where its natives load, NIO elsewhere.
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("portqry-ui-io", true), io);
        AtomicInteger open = new AtomicInteger();
        HostGuard[] guard = new HostGuard[1];
        ServerBootstrap b = new ServerBootstrap().group(group).channel(type)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                // Nothing is accepted until the guard knows the port it was bound to.
                .option(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        admit(ch, limits, writer, guard[0], service, open);
                    }
                });
        if (limits.sendBufferBytes() > 0) {
            b.childOption(ChannelOption.SO_SNDBUF, limits.sendBufferBytes());
        }
        ChannelFuture bound = b.bind(bind, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            Throwable c = bound.cause();
            throw c instanceof IOException e ? e : new IOException(c.getMessage(), c);
        }
        Channel server = bound.channel();
        guard[0] = new HostGuard(bind, ((InetSocketAddress) server.localAddress()).getPort());
        server.config().setAutoRead(true);
        return new GuardedHttpServer(group, server, open);
    }

    private static void admit(Channel ch, HttpLimits limits, AnswerWriter writer, HostGuard guard, HttpService service,
                              AtomicInteger open) {
        int n = open.incrementAndGet();
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        HttpServerCodec codec = new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(HttpLimits.MAX_REQUEST_LINE)
                .setMaxHeaderSize(HttpLimits.MAX_HEADER_BYTES)
                .setMaxChunkSize(8192));
        if (n > 2 * limits.maxConnections()) {
            ch.close(); // a flood: not even a 503
            return;
        }
        if (n > limits.maxConnections()) {
            ch.pipeline().addLast(new RequestReader.RawWatch(null), codec, new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                    writer.refuse(ctx.channel(), 503, "The server has " + limits.maxConnections()
                            + " connections open already; try again in a moment");
                    ctx.fireChannelActive();
                }
            });
            return;
        }
        RequestReader reader = new RequestReader(limits, writer);
        ch.pipeline().addLast("raw", reader.rawWatch())
                .addLast("codec", codec)
                .addLast("request", reader)
                .addLast("write-deadline", new WriteDeadline(limits.writeTimeout()))
                .addLast("dispatch", new RequestDispatcher(guard, service, writer, reader));
    }

    /** @return the address and port it listens on */
    InetSocketAddress address() {
        return address;
    }

    /** @return connections open now, refused ones still closing included */
    int connections() {
        return open.get();
    }

    /** Stops listening, closes every connection and stops the event loop; waits up to about 2 s. */
    @Override
    public void close() {
        server.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
