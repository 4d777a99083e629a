package dev.portqry.protocols;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ConversationContext;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A {@link ConversationContext} for codec tests that need no socket.
 *
 * @param protocol the transport
 * @param remote the peer
 * @param targetName the target's name, if any
 * @param options the options (settings and caps)
 */
public record FakeContext(Protocol protocol, InetSocketAddress remote, Optional<String> targetName, ProbeOptions options)
        implements ConversationContext {

    /** @return a context for {@code protocol} to 127.0.0.1:{@code port} with {@code options} and no name */
    public static FakeContext of(Protocol protocol, int port, ProbeOptions options) {
        return new FakeContext(protocol, new InetSocketAddress("127.0.0.1", port), Optional.empty(), options);
    }

    @Override
    public ByteBufAllocator alloc() {
        return UnpooledByteBufAllocator.DEFAULT;
    }
}
