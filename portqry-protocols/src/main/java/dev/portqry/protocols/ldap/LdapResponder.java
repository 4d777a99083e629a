package dev.portqry.protocols.ldap;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PortQry's LDAP helper: an anonymous base search of the rootDSE, over TCP 389, TCP 3268 (the
 * global catalog) and UDP 389 (CLDAP), decoded into an {@link RootDseResult}. Stateless and
 * thread-safe; found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * PortProbe probe = PortProbe.builder()
 *         .responders(ResponderRegistry.builder().add(new LdapResponder()).build()).build();
 * RootDseResult dse = probe.probe("dc1.corp.example.test", Protocol.UDP, 389).join()
 *         .result(RootDseResult.class).orElseThrow();
 * }</pre>
 */
public final class LdapResponder implements ProtocolResponder {
    /** The responder's name. */
    public static final String NAME = "ldap";

    /** Creates the responder (the {@link java.util.ServiceLoader} constructor). */
    public LdapResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "LDAP";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(389), PortClaim.tcp(3268), PortClaim.udp(389));
    }

    /** @return {@code ldap} and {@code msft-gc} (the global catalog's name in the services file) */
    @Override
    public Set<String> serviceNames() {
        return Set.of("ldap", "msft-gc");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.TCP || protocol == Protocol.UDP;
    }

    /** PortQry sends UDP LDAP from an ephemeral port whatever {@code -sp} says. */
    @Override
    public boolean usesEphemeralSourcePort(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    /** Each conversation uses a random messageID (1 to 2^31-1) so that stray replies are told apart. */
    @Override
    public Conversation open(ConversationContext context) {
        return new RootDseConversation(context, ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
    }

    @Override
    public String toString() {
        return "LdapResponder";
    }
}
