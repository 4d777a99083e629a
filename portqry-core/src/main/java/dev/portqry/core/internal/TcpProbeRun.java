package dev.portqry.core.internal;

import dev.portqry.core.ConnectionMode;
import dev.portqry.core.PortQryException;
import dev.portqry.core.PortState;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * TCP: connect up to {@link ProbeOptions#tcpAttempts()} times; connected is LISTENING, RST is
 * NOT LISTENING, silence on every attempt or an ICMP error is FILTERED. A connected port with a
 * responder goes on to step 2 ({@link TcpQuery}) on the same connection.
 */
final class TcpProbeRun extends ProbeRun {
    private int attempts;

    TcpProbeRun(ProbeEngine engine, InetSocketAddress remote, ProbeOptions options, Optional<ProtocolResponder> responder,
                Optional<String> serviceName, Optional<String> targetName) {
        super(engine, remote, options, responder, serviceName, targetName);
    }

    @Override
    Protocol protocol() {
        return Protocol.TCP;
    }

    @Override
    void start() {
        attempt();
    }

    private void attempt() {
        if (future.isDone()) {
            return;
        }
        attempts++;
        engine.events().attemptStart(call, attempts);
        ChannelFuture cf = connect();
        cf.addListener(f -> guarded(() -> onConnect(cf)));
    }

    private ChannelFuture connect() {
        Bootstrap b = new Bootstrap()
                .group(engine.loop())
                .channel(engine.transport().socketChannel())
                .option(ChannelOption.ALLOCATOR, engine.alloc())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, options.tcpConnectTimeout().toMillis()))
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInboundHandlerAdapter());
        int sourcePort = effectiveSourcePort();
        if (sourcePort != 0) {
            b.option(ChannelOption.SO_REUSEADDR, true);
        }
        ChannelFuture cf = sourcePort != 0
                ? b.connect(remote, new InetSocketAddress(sourcePort))
                : b.connect(remote);
        use(cf.channel());
        return cf;
    }

    private int effectiveSourcePort() {
        boolean ephemeral = responder.map(r -> r.usesEphemeralSourcePort(Protocol.TCP)).orElse(false);
        return ephemeral ? 0 : options.sourcePort();
    }

    /** {@link ConnectionMode#SEPARATE}'s second connection, for the query. */
    private void reconnect() {
        if (future.isDone()) {
            return;
        }
        ChannelFuture cf = connect();
        cf.addListener(f -> guarded(() -> onReconnect(cf)));
    }

    private void onReconnect(ChannelFuture cf) {
        if (future.isDone() || !cf.isSuccess() && failedWithoutSocket(cf)) {
            return;
        }
        if (cf.isSuccess()) {
            engine.events().connected(call, (InetSocketAddress) cf.channel().localAddress());
            new TcpQuery(this, cf.channel(), responder.orElseThrow(), attempts).begin();
            return;
        }
        NetworkError error = NetworkError.classify(cf.cause(), effectiveSourcePort() != 0);
        engine.events().networkError(call, cf.cause(), error.reason());
        ResponderOutcome outcome = new ResponderOutcome.NoReply(responder.orElseThrow().name(),
                "the query's connection failed: " + error.reason() + " (" + cf.cause().getMessage() + ")");
        complete(PortState.LISTENING, PortState.LISTENING, attempts, "connection accepted", outcome);
    }

    private void onConnect(ChannelFuture cf) {
        if (future.isDone()) {
            closeQuietly(cf.channel());
            return;
        }
        if (!cf.isSuccess() && failedWithoutSocket(cf)) {
            return;
        }
        if (cf.isSuccess()) {
            Channel ch = cf.channel();
            if (probesItself(ch.localAddress(), remote)) {
                // TCP simultaneous open: on loopback the kernel may pick the target port itself as
                // our ephemeral source port, and the socket connects to itself. Nothing listens there.
                ch.close();
                complete(PortState.NOT_LISTENING, PortState.NOT_LISTENING, attempts,
                        "connection refused (the socket connected to itself: nothing listens on the port)", null);
                return;
            }
            engine.events().connected(call, (InetSocketAddress) ch.localAddress());
            if (responder.isPresent() && options.connectionMode() == ConnectionMode.SEPARATE) {
                // Step 1 only proved the port: drop it with a reset (no TIME_WAIT holds a fixed
                // source port), then step 2 connects again, as PortQry does.
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
                ch.close().addListener(f -> guarded(this::reconnect));
            } else if (responder.isPresent()) {
                new TcpQuery(this, ch, responder.get(), attempts).begin();
            } else {
                complete(PortState.LISTENING, PortState.LISTENING, attempts, "connection accepted", null);
            }
            return;
        }
        closeQuietly(cf.channel());
        Throwable cause = cf.cause();
        NetworkError error = NetworkError.classify(cause, effectiveSourcePort() != 0);
        if (error != NetworkError.TIMEOUT) {
            engine.events().networkError(call, cause, error.reason());
        }
        switch (error) {
            case REFUSED, PORT_UNREACHABLE ->
                    complete(PortState.NOT_LISTENING, PortState.NOT_LISTENING, attempts, NetworkError.REFUSED.reason(), null);
            case HOST_UNREACHABLE, NET_UNREACHABLE, PROHIBITED, LOCAL_FIREWALL ->
                    complete(PortState.FILTERED, PortState.FILTERED, attempts, error.reason(), null);
            case BIND_FAILED -> future.completeExceptionally(new PortQryException(
                    "source port " + effectiveSourcePort() + " is in use or cannot be bound: " + cause.getMessage(), cause));
            case TIMEOUT -> {
                if (attempts < options.tcpAttempts()) {
                    attempt();
                } else {
                    complete(PortState.FILTERED, PortState.FILTERED, attempts,
                            "no response after " + attemptsText(attempts, options.tcpConnectTimeout()), null);
                }
            }
            default -> complete(PortState.FILTERED, PortState.FILTERED, attempts,
                    "connect failed: " + cause.getMessage(), null);
        }
    }
}
