package dev.portqry.core.spi;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.Optional;

/** What a {@link Conversation} may know about the probe it serves. */
public interface ConversationContext {
    /** @return the transport in use */
    Protocol protocol();

    /** @return the address and port being queried */
    InetSocketAddress remote();

    /** @return the target name the caller gave, when it was a name rather than an IP literal */
    Optional<String> targetName();

    /** @return the allocator for query buffers */
    ByteBufAllocator alloc();

    /** @return the options of this probe (caps such as {@link ProbeOptions#maxEntries()} live there) */
    ProbeOptions options();

    /**
     * @param setting a responder setting
     * @param <T> its type
     * @return the value set in the options, else the setting's default
     */
    default <T> T setting(ResponderSetting<T> setting) {
        return options().setting(setting);
    }
}
