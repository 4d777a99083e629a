package dev.portqry.protocols.smb;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ConversationContext;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/** A conversation context for driving an SMB conversation without sockets. */
record TestContext(int port) implements ConversationContext {
    @Override
    public Protocol protocol() {
        return Protocol.TCP;
    }

    @Override
    public InetSocketAddress remote() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public Optional<String> targetName() {
        return Optional.empty();
    }

    @Override
    public ByteBufAllocator alloc() {
        return UnpooledByteBufAllocator.DEFAULT;
    }

    @Override
    public ProbeOptions options() {
        return ProbeOptions.defaults();
    }
}
