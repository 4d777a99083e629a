package dev.portqry.protocols.ldap;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/** Golden replies captured from Samba (see golden/ldap/README.md) and a plain conversation context. */
final class Golden {
    /** messageID of the TCP 389 capture. */
    static final int TCP_ID = 4660;
    /** messageID of the TCP 3268 capture. */
    static final int GC_ID = 4661;
    /** messageID of the UDP 389 capture. */
    static final int UDP_ID = 7;
    /** messageID of the needs-bind capture. */
    static final int NEEDS_BIND_ID = 9;

    private Golden() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/ldap/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the length of the first LDAPMessage in {@code bytes} (the entry, in the replies) */
    static int firstMessageLength(byte[] bytes) {
        return BerReader.elementLength(Unpooled.wrappedBuffer(bytes), LdapMessage.PROTOCOL, BerLimits.DEFAULT);
    }

    static ConversationContext context(Protocol protocol) {
        return context(protocol, ProbeOptions.defaults());
    }

    static ConversationContext context(Protocol protocol, ProbeOptions options) {
        return new ConversationContext() {
            @Override
            public Protocol protocol() {
                return protocol;
            }

            @Override
            public InetSocketAddress remote() {
                return new InetSocketAddress("127.0.0.1", 389);
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
                return options;
            }
        };
    }
}
