package dev.portqry.core.internal;

import dev.portqry.core.PortQryException;
import dev.portqry.core.PortState;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * UDP, PortQry's two steps. Step 1 sends a one-byte datagram on a connected socket (the kernel
 * then reports ICMP errors to it): a reply is LISTENING, ICMP port unreachable is NOT LISTENING,
 * silence is LISTENING or FILTERED. Step 2, when a responder exists, runs its query on a fresh
 * socket, so a late answer to step 1 cannot be mistaken for the reply: an answer is LISTENING,
 * silence turns LISTENING or FILTERED into FILTERED.
 *
 * <p>A responder whose server answers from another port (TFTP, RFC 1350 section 4: the server
 * picks a new transfer ID) gets an unconnected socket in step 2 instead: a connected one would
 * have the kernel drop that answer. It sends to the target explicitly and accepts datagrams
 * from the target's address on any port, ignoring every other sender. Such a socket hears no
 * ICMP errors, which step 1 already collected.
 */
final class UdpProbeRun extends ProbeRun {
    /** Java puts no zero-length datagram on the wire, so the plain probe carries one byte. */
    private static final byte[] PLAIN_PAYLOAD = {0};
    /** Largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_536;

    int plainAttempts;
    private ScheduledFuture<?> timer;
    /** Whether any step-1 datagram left this host. */
    private boolean sent;
    private Throwable lastSendError;

    UdpProbeRun(ProbeEngine engine, InetSocketAddress remote, ProbeOptions options, Optional<ProtocolResponder> responder,
                Optional<String> serviceName, Optional<String> targetName) {
        super(engine, remote, options, responder, serviceName, targetName);
    }

    @Override
    Protocol protocol() {
        return Protocol.UDP;
    }

    @Override
    void start() {
        open(options.sourcePort(), new PlainPhase(), this::sendPlain);
    }

    private void open(int localPort, ChannelHandler handler, Consumer<Channel> onReady) {
        open(localPort, false, handler, onReady);
    }

    private void open(int localPort, boolean unconnected, ChannelHandler handler, Consumer<Channel> onReady) {
        if (future.isDone()) {
            return;
        }
        Bootstrap b = new Bootstrap()
                .group(engine.loop())
                .channel(engine.transport().datagramChannel())
                .option(ChannelOption.ALLOCATOR, engine.alloc())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(handler);
        ChannelFuture cf;
        if (unconnected) {
            cf = b.bind(new InetSocketAddress(wildcardLike(remote.getAddress()), localPort));
        } else {
            cf = localPort != 0 ? b.connect(remote, new InetSocketAddress(localPort)) : b.connect(remote);
        }
        use(cf.channel());
        cf.addListener(f -> guarded(() -> opened(cf, localPort, unconnected, onReady)));
    }

    private void opened(ChannelFuture cf, int localPort, boolean unconnected, Consumer<Channel> onReady) {
        if (future.isDone()) {
            return;
        }
        if (cf.isSuccess()) {
            Channel ch = cf.channel();
            if (probesItself(ch.localAddress(), remote)) {
                // The socket's own port is the target (an ephemeral port the kernel picked, or -sp
                // equal to the port on a local address): its datagram would come back to itself
                // as a "reply". This socket holds the port, so nothing else listens there.
                complete(PortState.NOT_LISTENING, PortState.NOT_LISTENING, Math.max(1, plainAttempts),
                        "nothing listens on the port: the probe's own socket holds it (source port equals the target port"
                                + (unconnected ? "" : " on the same address") + ")", null);
                return;
            }
            onReady.accept(ch);
            return;
        }
        if (failedWithoutSocket(cf)) {
            return;
        }
        NetworkError error = NetworkError.classify(cf.cause(), localPort != 0);
        engine.events().networkError(call, cf.cause(), error.reason());
        if (error == NetworkError.BIND_FAILED) {
            future.completeExceptionally(new PortQryException(
                    "source port " + localPort + " is in use or cannot be bound: " + cf.cause().getMessage(), cf.cause()));
        } else {
            complete(PortState.FILTERED, PortState.FILTERED, plainAttempts, error.reason() + ": " + cf.cause().getMessage(), null);
        }
    }

    private void sendPlain(Channel ch) {
        if (future.isDone()) {
            return;
        }
        plainAttempts++;
        engine.events().attemptStart(call, plainAttempts);
        // Armed before the write: the deadline must not depend on the write succeeding.
        arm(ch, () -> plainTimedOut(ch));
        ch.writeAndFlush(Unpooled.wrappedBuffer(PLAIN_PAYLOAD)).addListener(f -> {
            if (f.isSuccess()) {
                sent = true;
            } else {
                guarded(() -> sendFailed(f.cause()));
            }
        });
    }

    /** A datagram the local kernel would not send: a verdict when the error says why, else the timer ends the probe. */
    private void sendFailed(Throwable cause) {
        if (future.isDone()) {
            return;
        }
        lastSendError = cause;
        plainError(cause);
    }

    void arm(Channel ch, Runnable onTimeout) {
        cancelTimer();
        timer = ch.eventLoop().schedule(() -> guarded(() -> {
            if (!future.isDone()) {
                onTimeout.run();
            }
        }), options.effectiveUdpTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void plainTimedOut(Channel ch) {
        if (plainAttempts < options.udpAttempts()) {
            sendPlain(ch);
            return;
        }
        if (!sent && lastSendError != null) {
            cancelTimer();
            complete(PortState.FILTERED, PortState.FILTERED, plainAttempts, "no datagram could be sent in "
                    + attemptsText(plainAttempts, options.effectiveUdpTimeout()) + ": " + lastSendError.getMessage(), null);
            return;
        }
        plainDone(PortState.LISTENING_OR_FILTERED, "no reply and no ICMP error after "
                + attemptsText(plainAttempts, options.effectiveUdpTimeout()));
    }

    private void plainError(Throwable cause) {
        NetworkError error = NetworkError.classify(cause);
        engine.events().networkError(call, cause, error.reason());
        switch (error) {
            case PORT_UNREACHABLE, REFUSED -> {
                cancelTimer();
                complete(PortState.NOT_LISTENING, PortState.NOT_LISTENING, plainAttempts, NetworkError.PORT_UNREACHABLE.reason(), null);
            }
            case HOST_UNREACHABLE, NET_UNREACHABLE, PROHIBITED, LOCAL_FIREWALL -> {
                cancelTimer();
                complete(PortState.FILTERED, PortState.FILTERED, plainAttempts, error.reason(), null);
            }
            default -> {
                // Not an ICMP verdict: keep waiting for a reply or the deadline.
            }
        }
    }

    private void plainDone(PortState initial, String reason) {
        cancelTimer();
        if (responder.isEmpty()) {
            complete(initial, initial, plainAttempts, reason, null);
            return;
        }
        ProtocolResponder r = responder.get();
        int localPort = r.usesEphemeralSourcePort(Protocol.UDP) ? 0 : options.sourcePort();
        UdpQuery query = new UdpQuery(this, r, initial, reason);
        boolean anyPort = r.acceptsRepliesFromAnyPort();
        // Step 2 gets its own socket; with a fixed source port the first one must be gone before binding again.
        Channel plain = currentChannel();
        if (plain != null && localPort != 0) {
            plain.close().addListener(f -> guarded(() -> open(localPort, anyPort, query, query::begin)));
        } else {
            open(localPort, anyPort, query, query::begin);
        }
    }

    /** The wildcard address of {@code target}'s family, so that an IPv4 target is reached from an IPv4 socket. */
    private static InetAddress wildcardLike(InetAddress target) {
        byte[] any = new byte[target instanceof Inet6Address ? 16 : 4];
        try {
            return InetAddress.getByAddress(any);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("wildcard address", e);
        }
    }

    static ByteBuf payload(Object msg) {
        if (msg instanceof DatagramPacket p) {
            return p.content();
        }
        return msg instanceof ByteBuf b ? b : null;
    }

    /** Step 1: the plain datagram. */
    private final class PlainPhase extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = payload(msg);
            if (in != null) {
                engine.events().replyReceived(call, in.readableBytes());
            }
            ReferenceCountUtil.release(msg);
            if (!future.isDone() && timer != null) {
                plainDone(PortState.LISTENING, "reply received");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!future.isDone()) {
                plainError(cause);
            }
        }
    }
}
