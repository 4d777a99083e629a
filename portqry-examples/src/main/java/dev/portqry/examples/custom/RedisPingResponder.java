package dev.portqry.examples.custom;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import java.util.Set;

/**
 * Step 2 for Redis: sends {@code PING} over TCP and decodes the answer ({@code +PONG}, or an
 * error such as {@code -NOAUTH}) into a {@link RedisPingResult}. Claims TCP 6379 and the service
 * name {@code redis}. Stateless and thread-safe; registered in this module's
 * {@code META-INF/services/dev.portqry.core.spi.ProtocolResponder}, so
 * {@link dev.portqry.core.spi.ResponderRegistry#loadDefault()} finds it.
 *
 * <pre>{@code
 * try (PortProbe probe = PortProbe.builder().build()) {   // ServiceLoader finds this responder
 *     PortStatus s = probe.probe("127.0.0.1", Protocol.TCP, 6379).join();
 *     s.result(RedisPingResult.class).ifPresent(r -> System.out.println(r.pong() ? "PONG" : r.reply()));
 * }
 * }</pre>
 */
public final class RedisPingResponder implements ProtocolResponder {
    /** The responder's name, also the service name it answers for. */
    public static final String NAME = "redis";
    /** Redis's registered port (IANA "redis", 6379/tcp). */
    public static final int PORT = 6379;

    /** Creates the responder; {@link java.util.ServiceLoader} needs this public no-argument constructor. */
    public RedisPingResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Redis";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(PORT));
    }

    /** @return {@code redis}: a services file that maps it to another port sends PING there too */
    @Override
    public Set<String> serviceNames() {
        return Set.of(NAME);
    }

    /** @return true for TCP only: RESP has no datagram form */
    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.TCP;
    }

    /** @return a hint that a silent Redis is usually something else on the port, or a TLS-only Redis */
    @Override
    public String silenceHint() {
        return "a Redis server answers PING at once; a TLS-only Redis (tls-port) waits for a handshake";
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new RedisPingConversation(context);
    }

    @Override
    public String toString() {
        return "RedisPingResponder";
    }
}
