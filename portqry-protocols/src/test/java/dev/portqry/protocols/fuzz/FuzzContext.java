package dev.portqry.protocols.fuzz;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ConversationContext;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What a fuzzed conversation sees of its probe: a loopback peer on the fuzzer's port, the fuzzer's options and
 * target name, and an unpooled allocator without leak tracking (the driver releases every
 * buffer itself; tracking each of a million queries at PARANOID would dominate the run).
 */
record FuzzContext(Protocol protocol, ProbeOptions options, String target, int port) implements ConversationContext {
    private static final ByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false, true);

    @Override
    public InetSocketAddress remote() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public Optional<String> targetName() {
        return Optional.ofNullable(target);
    }

    @Override
    public ByteBufAllocator alloc() {
        return ALLOC;
    }
}
