package dev.portqry.protocols;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ConversationContext;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ConversationContext} every protocol test drives a conversation with, without a
 * socket or an engine: unpooled buffers, a loopback peer, and the given options.
 *
 * @param protocol the transport, not null
 * @param remote the peer, not null
 * @param targetName the target's name, if any; not null
 * @param options the options (settings and caps), not null
 */
public record FakeContext(Protocol protocol, InetSocketAddress remote, Optional<String> targetName, ProbeOptions options)
        implements ConversationContext {

    /** Checks for nulls. */
    public FakeContext {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(options, "options");
    }

    /** @return a context for {@code protocol} to 127.0.0.1:{@code port} with {@code options} and no name */
    public static FakeContext of(Protocol protocol, int port, ProbeOptions options) {
        return new FakeContext(protocol, new InetSocketAddress("127.0.0.1", port), Optional.empty(), options);
    }

    /** @return a context for {@code protocol} to 127.0.0.1:{@code port} with the default options and no name */
    public static FakeContext of(Protocol protocol, int port) {
        return of(protocol, port, ProbeOptions.defaults());
    }

    @Override
    public ByteBufAllocator alloc() {
        return UnpooledByteBufAllocator.DEFAULT;
    }
}
