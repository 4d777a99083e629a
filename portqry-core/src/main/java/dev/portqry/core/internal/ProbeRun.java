package dev.portqry.core.internal;

import dev.portqry.core.PortQryException;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeListener;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.RejectedExecutionException;
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
    /** How the events of this probe name it. */
    final ProbeListener.Call call;
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
        this.call = new ProbeListener.Call(protocol(), remote, responder.map(ProtocolResponder::name));
        future.whenComplete((s, e) -> {
            closeChannel();
            if (e == null) {
                engine.events().probeEnd(call, s);
            } else {
                engine.events().probeFailed(call, e);
            }
        });
    }

    abstract void start();

    /**
     * Starts the run; whatever it throws fails the future instead of escaping (so the caller's
     * future always completes).
     */
    final void startGuarded() {
        engine.events().probeStart(call);
        if (engine.group().isShuttingDown()) {
            future.completeExceptionally(new IllegalStateException("PortProbe is closed: its event loop group is shut down"));
            return;
        }
        try {
            start();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    /** Runs an event-loop callback of this run; whatever it throws ends the run (never lost in Netty's log). */
    final void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    /** Ends the run with an unexpected fault (a bug here or in a responder), cause attached. */
    final void fail(Throwable e) {
        if (!future.isDone()) {
            future.completeExceptionally(e instanceof PortQryException || e instanceof IllegalStateException ? e
                    : new PortQryException("probe of " + protocol() + " " + remote + " failed: " + e, e));
        }
    }

    /**
     * Handles a connect or bind that failed before any socket existed: the socket could not be
     * created (EMFILE, ENFILE, EPERM ...), or the event loop refused it or closed it while
     * shutting down. None says anything about the port, so the future fails with a typed exception.
     *
     * @return true when {@code cf} failed that way and the future is now failed
     */
    final boolean failedWithoutSocket(ChannelFuture cf) {
        Throwable cause = cf.cause();
        if (cause instanceof RejectedExecutionException || engine.group().isShuttingDown()) {
            future.completeExceptionally(new IllegalStateException("PortProbe is closed: its event loop group is shut down", cause));
            return true;
        }
        if (cause instanceof ChannelException && !cf.channel().isRegistered()) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            future.completeExceptionally(new PortQryException("could not create a " + protocol() + " socket to probe "
                    + remote + ": " + root.getMessage(), cause));
            return true;
        }
        return false;
    }

    /**
     * Whether a socket is bound to the very address and port it probes: it would talk to itself
     * (its own datagram comes back as a "reply"; TCP connects to itself). Nothing else can
     * listen there, since this socket holds the port.
     */
    static boolean probesItself(SocketAddress local, InetSocketAddress remote) {
        if (!(local instanceof InetSocketAddress l) || l.getPort() != remote.getPort()) {
            return false;
        }
        InetAddress a = l.getAddress();
        if (a.equals(remote.getAddress())) {
            return true;
        }
        if (!a.isAnyLocalAddress()) {
            return false;
        }
        InetAddress target = remote.getAddress();
        try {
            return target.isLoopbackAddress() || target.isAnyLocalAddress() || NetworkInterface.getByInetAddress(target) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    abstract Protocol protocol();

    /** Remembers the channel in use so that completion or cancellation closes it. */
    final void use(Channel ch) {
        Channel previous = this.channel;
        this.channel = ch;
        if (previous != null && previous != ch) {
            closeQuietly(previous);
        }
        if (future.isDone()) {
            closeQuietly(ch);
        }
    }

    final Channel currentChannel() {
        return channel;
    }

    private void closeChannel() {
        Channel ch = channel;
        if (ch != null) {
            closeQuietly(ch);
        }
    }

    /**
     * Closes a channel from any thread; a channel that never got a socket or an event loop
     * (creation failed, loop shut down) has nothing to close and would throw.
     */
    static void closeQuietly(Channel ch) {
        if (!ch.isRegistered() && !ch.isOpen()) {
            return;
        }
        try {
            ch.close();
        } catch (IllegalStateException | RejectedExecutionException e) {
            // not registered to a running event loop: nothing of ours is open
        }
    }

    final void complete(PortState state, PortState initial, int attempts, String reason, ResponderOutcome outcome) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        // Close first: whoever the completion wakes (a scan starting its next probe) must find
        // this socket already on its way out, or a scan would briefly hold one over its bound.
        closeChannel();
        if (outcome != null) {
            engine.events().outcome(call, outcome);
        }
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

    static String attemptsText(int attempts, Duration each) {
        return attempts + (attempts == 1 ? " attempt" : " attempts") + " of " + each.toMillis() + " ms";
    }
}
