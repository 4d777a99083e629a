package dev.portqry.core.spi;

import dev.portqry.core.Protocol;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A protocol helper: PortQry's step 2. It claims well-known ports (and service names from the
 * services file), and for each probe opens a {@link Conversation} that encodes a well-formed
 * query and decodes the answer into a typed {@link ResponderResult}. Implementations are
 * stateless and thread-safe; they are found through {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/dev.portqry.core.spi.ProtocolResponder}) or registered with
 * {@link ResponderRegistry.Builder#add(ProtocolResponder)}.
 *
 * <pre>{@code
 * public final class RedisResponder implements ProtocolResponder {
 *     public String name() { return "redis"; }
 *     public String displayName() { return "Redis"; }
 *     public Set<PortClaim> defaultPorts() { return Set.of(PortClaim.tcp(6379)); }
 *     public boolean supports(Protocol p) { return p == Protocol.TCP; }
 *     public Conversation open(ConversationContext ctx) { return new RedisPing(ctx); }
 * }
 * }</pre>
 */
public interface ProtocolResponder {

    /** @return a short stable identifier, lower case, e.g. {@code ldap}; unique in a registry */
    String name();

    /** @return the name PortQry prints, e.g. {@code LDAP} */
    String displayName();

    /** @return the ports this responder answers for by default */
    Set<PortClaim> defaultPorts();

    /**
     * Service names (as in the services file) that also select this responder, so that mapping
     * {@code ldap} to 1025/tcp sends the LDAP query to 1025.
     *
     * @return the names, lower case; empty by default
     */
    default Set<String> serviceNames() {
        return Set.of();
    }

    /**
     * @param protocol a transport
     * @return whether this responder can talk over it
     */
    boolean supports(Protocol protocol);

    /**
     * Orders responders that claim the same port: higher first, then by name.
     *
     * @return the priority; 0 by default
     */
    default int priority() {
        return 0;
    }

    /**
     * PortQry sends some queries from an ephemeral port whatever {@code -sp} says
     * (RPC 135, UDP LDAP 389, NetBIOS 137).
     *
     * @param protocol the transport in use
     * @return true to ignore a configured source port
     */
    default boolean usesEphemeralSourcePort(Protocol protocol) {
        return false;
    }

    /**
     * Whether the server answers a UDP query from another source port than the one queried, as a
     * TFTP server does (RFC 1350 section 4: the reply comes from the server's new transfer ID).
     * The engine then queries from an unconnected socket and accepts datagrams from the target's
     * address on any port; datagrams from other addresses are still ignored.
     *
     * @return true to accept replies from any port of the target; false by default
     */
    default boolean acceptsRepliesFromAnyPort() {
        return false;
    }

    /**
     * The line printed before the query, e.g. {@code Sending LDAP query to UDP port 389...}.
     *
     * @param protocol the transport
     * @param port the port
     * @return the line
     */
    default String queryBanner(Protocol protocol, int port) {
        return "Sending " + displayName() + " query to " + protocol + " port " + port + "...";
    }

    /**
     * Why a query went unanswered, beyond the bare timeout; e.g. SNMP names a wrong community
     * as the likely cause.
     *
     * @return a hint appended to the reason, empty by default
     */
    default String silenceHint() {
        return "";
    }

    /**
     * The settings this responder reads, so that a front end can offer them by name (the CLI
     * maps {@code -cn !name!} to a setting named {@code snmp.community}). By default, the
     * {@code public static final ResponderSetting} fields of the implementation class; override
     * when the constants live elsewhere.
     *
     * @return the settings, in field order; never null
     */
    default Collection<ResponderSetting<?>> settings() {
        List<ResponderSetting<?>> found = new ArrayList<>();
        for (Field f : getClass().getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && ResponderSetting.class.isAssignableFrom(f.getType())) {
                try {
                    if (f.get(null) instanceof ResponderSetting<?> setting) {
                        found.add(setting);
                    }
                } catch (IllegalAccessException e) {
                    // A public field of a class we cannot access (a non-exported module): not offered.
                }
            }
        }
        return found;
    }

    /**
     * Starts one conversation for one probe.
     *
     * @param context the probe's target, options and allocator
     * @return a new conversation, used by one probe only
     */
    Conversation open(ConversationContext context);
}
