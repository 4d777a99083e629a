package dev.portqry.core.internal;

import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts probe runs on one event loop group. Thread-safe.
 *
 * @param group the event loops
 * @param transport the channel classes that go with them
 * @param alloc the allocator for queries and cumulation
 * @param events where every probe reports what it does
 */
public record ProbeEngine(EventLoopGroup group, Transport transport, ByteBufAllocator alloc, ProbeEvents events) {

    /**
     * The event loop a new probe's channel registers with: the caller's own when it is one of
     * ours (a scan launching its next probe from a finished one), so no task crosses threads;
     * else the next in turn.
     *
     * @return an event loop of {@link #group()}
     */
    public EventLoop loop() {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return (EventLoop) e;
            }
        }
        return group.next();
    }

    /**
     * @param remote address and port
     * @param protocol TCP or UDP
     * @param options how to probe
     * @param responder the step-2 responder, if any
     * @param serviceName the port's service name
     * @param targetName the name the caller gave, if any
     * @return the status, completed on an event loop; cancelling it closes the probe's socket
     */
    public CompletableFuture<PortStatus> probe(InetSocketAddress remote, Protocol protocol, ProbeOptions options,
                                               Optional<ProtocolResponder> responder, Optional<String> serviceName,
                                               Optional<String> targetName) {
        ProbeRun run = protocol == Protocol.TCP
                ? new TcpProbeRun(this, remote, options, responder, serviceName, targetName)
                : new UdpProbeRun(this, remote, options, responder, serviceName, targetName);
        run.startGuarded();
        return run.future;
    }
}
