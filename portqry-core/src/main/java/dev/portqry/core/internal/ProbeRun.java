package dev.portqry.core.internal;

import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * State shared by the TCP and UDP runs of one probe: what is probed, how, and the future to
 * complete. The future is completed once; completing it (or cancelling it from outside)
 * closes whatever channel the run has open.
 */
abstract class ProbeRun {
    final ProbeEngine engine;
    final InetSocketAddress remote;
    final ProbeOptions options;
    final Optional<ProtocolResponder> responder;
    final Optional<String> serviceName;
    final Optional<String> targetName;
    final CompletableFuture<PortStatus> future = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile Channel channel;

    ProbeRun(ProbeEngine engine, InetSocketAddress remote, ProbeOptions options, Optional<ProtocolResponder> responder,
             Optional<String> serviceName, Optional<String> targetName) {
        this.engine = engine;
        this.remote = remote;
        this.options = options;
        this.responder = responder;
        this.serviceName = serviceName;
        this.targetName = targetName;
        future.whenComplete((s, e) -> closeChannel());
    }

    abstract void start();

    abstract Protocol protocol();

    /** Remembers the channel in use so that completion or cancellation closes it. */
    final void use(Channel ch) {
        Channel previous = this.channel;
        this.channel = ch;
        if (previous != null && previous != ch) {
            previous.close();
        }
        if (future.isDone()) {
            ch.close();
        }
    }

    final Channel currentChannel() {
        return channel;
    }

    private void closeChannel() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    final void complete(PortState state, PortState initial, int attempts, String reason, ResponderOutcome outcome) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        // Close first: whoever the completion wakes (a scan starting its next probe) must find
        // this socket already on its way out, or a scan would briefly hold one over its bound.
        closeChannel();
        future.complete(new PortStatus(remote.getAddress(), protocol(), remote.getPort(), state, initial, serviceName,
                attempts, elapsed, reason, Optional.ofNullable(outcome)));
    }

    final ConversationContext conversationContext(ByteBufAllocator alloc) {
        Protocol protocol = protocol();
        return new ConversationContext() {
            @Override
            public Protocol protocol() {
                return protocol;
            }

            @Override
            public InetSocketAddress remote() {
                return remote;
            }

            @Override
            public Optional<String> targetName() {
                return targetName;
            }

            @Override
            public ByteBufAllocator alloc() {
                return alloc;
            }

            @Override
            public ProbeOptions options() {
                return options;
            }
        };
    }

    final String responderName() {
        return responder.map(ProtocolResponder::name).orElse("none");
    }

    final ProtocolDecodeException asDecodeError(RuntimeException e) {
        return ProtocolDecodeException.wrap(responder.map(ProtocolResponder::displayName).orElse("reply"), e);
    }

    static byte[] firstBytes(ByteBuf buf) {
        int n = Math.min(buf.readableBytes(), ResponderOutcome.Unparseable.MAX_KEPT_BYTES);
        return ByteBufUtil.getBytes(buf, buf.readerIndex(), n);
    }

    static String attemptsText(int attempts, Duration each) {
        return attempts + (attempts == 1 ? " attempt" : " attempts") + " of " + each.toMillis() + " ms";
    }
}
