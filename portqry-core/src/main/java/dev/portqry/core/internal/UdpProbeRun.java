package dev.portqry.core.internal;

import dev.portqry.core.PortQryException;
import dev.portqry.core.PortState;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
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
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * UDP, PortQry's two steps. Step 1 sends a one-byte datagram on a connected socket (the kernel
 * then reports ICMP errors to it): a reply is LISTENING, ICMP port unreachable is NOT LISTENING,
 * silence is LISTENING or FILTERED. Step 2, when a responder exists, runs its query on a fresh
 * socket, so a late answer to step 1 cannot be mistaken for the reply: an answer is LISTENING,
 * silence turns LISTENING or FILTERED into FILTERED.
 */
final class UdpProbeRun extends ProbeRun {
    /** Java puts no zero-length datagram on the wire, so the plain probe carries one byte. */
    private static final byte[] PLAIN_PAYLOAD = {0};
    /** Largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_536;

    private int plainAttempts;
    private ScheduledFuture<?> timer;

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
        if (future.isDone()) {
            return;
        }
        Bootstrap b = new Bootstrap()
                .group(engine.loop())
                .channel(engine.transport().datagramChannel())
                .option(ChannelOption.ALLOCATOR, engine.alloc())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(handler);
        ChannelFuture cf = localPort != 0 ? b.connect(remote, new InetSocketAddress(localPort)) : b.connect(remote);
        use(cf.channel());
        cf.addListener(f -> {
            if (future.isDone()) {
                return;
            }
            if (f.isSuccess()) {
                onReady.accept(cf.channel());
                return;
            }
            NetworkError error = NetworkError.classify(f.cause(), localPort != 0);
            if (error == NetworkError.BIND_FAILED) {
                future.completeExceptionally(new PortQryException(
                        "source port " + localPort + " is in use or cannot be bound: " + f.cause().getMessage(), f.cause()));
            } else {
                complete(PortState.FILTERED, PortState.FILTERED, plainAttempts, error.reason() + ": " + f.cause().getMessage(), null);
            }
        });
    }

    private void sendPlain(Channel ch) {
        if (future.isDone()) {
            return;
        }
        plainAttempts++;
        ch.writeAndFlush(Unpooled.wrappedBuffer(PLAIN_PAYLOAD)).addListener(f -> {
            if (f.isSuccess()) {
                arm(ch, () -> plainTimedOut(ch));
            } else {
                plainError(f.cause());
            }
        });
    }

    private void arm(Channel ch, Runnable onTimeout) {
        cancelTimer();
        timer = ch.eventLoop().schedule(() -> {
            if (!future.isDone()) {
                onTimeout.run();
            }
        }, options.effectiveUdpTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
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
        plainDone(PortState.LISTENING_OR_FILTERED, "no reply and no ICMP error after "
                + attemptsText(plainAttempts, options.effectiveUdpTimeout()));
    }

    private void plainError(Throwable cause) {
        NetworkError error = NetworkError.classify(cause);
        switch (error) {
            case PORT_UNREACHABLE, REFUSED -> {
                cancelTimer();
                complete(PortState.NOT_LISTENING, PortState.NOT_LISTENING, plainAttempts, NetworkError.PORT_UNREACHABLE.reason(), null);
            }
            case HOST_UNREACHABLE, NET_UNREACHABLE, PROHIBITED -> {
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
        QueryPhase query = new QueryPhase(r, initial, reason);
        // Step 2 gets its own socket; with a fixed source port the first one must be gone before binding again.
        Channel plain = currentChannel();
        if (plain != null && localPort != 0) {
            plain.close().addListener(f -> open(localPort, query, query::begin));
        } else {
            open(localPort, query, query::begin);
        }
    }

    private static ByteBuf payload(Object msg) {
        if (msg instanceof DatagramPacket p) {
            return p.content();
        }
        return msg instanceof ByteBuf b ? b : null;
    }

    /** Step 1: the plain datagram. */
    private final class PlainPhase extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
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

    /** Step 2: the responder's query. */
    private final class QueryPhase extends ChannelInboundHandlerAdapter {
        private final ProtocolResponder r;
        private final PortState initial;
        private final String initialReason;
        private dev.portqry.core.spi.Conversation conversation;
        private int attempts;
        private long received;
        private Channel channel;

        QueryPhase(ProtocolResponder r, PortState initial, String initialReason) {
            this.r = r;
            this.initial = initial;
            this.initialReason = initialReason;
        }

        void begin(Channel ch) {
            this.channel = ch;
            try {
                conversation = r.open(conversationContext(ch.alloc()));
            } catch (RuntimeException e) {
                finish(PortState.LISTENING, new ResponderOutcome.Unparseable(r.name(), "query could not be built: " + e.getMessage(), new byte[0]));
                return;
            }
            send();
        }

        private void send() {
            if (future.isDone()) {
                return;
            }
            attempts++;
            ByteBuf query;
            try {
                query = conversation.start();
            } catch (RuntimeException e) {
                finish(PortState.LISTENING, new ResponderOutcome.Unparseable(r.name(), "query could not be built: " + e.getMessage(), new byte[0]));
                return;
            }
            write(query);
        }

        private void write(ByteBuf data) {
            channel.writeAndFlush(data).addListener(f -> {
                if (f.isSuccess()) {
                    arm(channel, this::timedOut);
                } else {
                    error(f.cause());
                }
            });
        }

        private void timedOut() {
            if (attempts < options.udpAttempts()) {
                send();
                return;
            }
            String reason = "no reply to the " + r.displayName() + " query after "
                    + attemptsText(attempts, options.effectiveUdpTimeout());
            String hint = r.silenceHint();
            if (!hint.isEmpty()) {
                reason += "; " + hint;
            }
            PortState verdict = initial == PortState.LISTENING ? PortState.LISTENING : PortState.FILTERED;
            cancelTimer();
            complete(verdict, initial, plainAttempts, verdict == PortState.LISTENING ? initialReason : reason,
                    new ResponderOutcome.NoReply(r.name(), reason));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                ByteBuf in = payload(msg);
                if (future.isDone() || in == null) {
                    return;
                }
                received += in.readableBytes();
                if (received > options.maxReplyBytes()) {
                    finish(PortState.LISTENING, new ResponderOutcome.Unparseable(r.name(),
                            "reply larger than the cap of " + options.maxReplyBytes() + " bytes", firstBytes(in)));
                    return;
                }
                byte[] first = firstBytes(in);
                dev.portqry.core.spi.Step step;
                try {
                    step = conversation.onReceive(in);
                } catch (RuntimeException e) {
                    finish(PortState.LISTENING, new ResponderOutcome.Unparseable(r.name(), asDecodeError(e).getMessage(), first));
                    return;
                }
                if (step instanceof dev.portqry.core.spi.Step.Done done) {
                    finish(PortState.LISTENING, new ResponderOutcome.Answered(r.name(), done.result()));
                } else if (step instanceof dev.portqry.core.spi.Step.Send send) {
                    write(send.data());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            error(cause);
        }

        private void error(Throwable cause) {
            if (future.isDone()) {
                return;
            }
            NetworkError e = NetworkError.classify(cause);
            if (e == NetworkError.PORT_UNREACHABLE || e == NetworkError.REFUSED) {
                cancelTimer();
                complete(PortState.NOT_LISTENING, initial, plainAttempts, NetworkError.PORT_UNREACHABLE.reason(),
                        new ResponderOutcome.NoReply(r.name(), NetworkError.PORT_UNREACHABLE.reason()));
            } else if (e == NetworkError.HOST_UNREACHABLE || e == NetworkError.NET_UNREACHABLE || e == NetworkError.PROHIBITED) {
                cancelTimer();
                complete(PortState.FILTERED, initial, plainAttempts, e.reason(), new ResponderOutcome.NoReply(r.name(), e.reason()));
            }
        }

        private void finish(PortState state, ResponderOutcome outcome) {
            cancelTimer();
            complete(state, initial, plainAttempts, state == initial ? initialReason : "reply to the " + r.displayName() + " query", outcome);
        }
    }
}
