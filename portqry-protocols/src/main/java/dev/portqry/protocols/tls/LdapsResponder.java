package dev.portqry.protocols.tls;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import java.util.Set;

/**
 * LDAP over TLS on TCP 636 (LDAPS) and 3269 (global catalog over SSL): the TLS handshake of
 * {@link TlsResponder}, then an anonymous rootDSE search inside the tunnel, so the report
 * shows the certificate (and its days left) and that LDAP itself answers.
 *
 * <pre>{@code
 * probe.probe("dc1.corp.example.test", Protocol.TCP, 636).join().result(TlsResult.class)
 *      .flatMap(TlsResult::daysLeft).ifPresent(d -> System.out.println(d + " days left"));
 * }</pre>
 */
public final class LdapsResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "ldaps";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "LDAPS";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(636), PortClaim.tcp(3269));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("ldaps", "msft-gc-ssl");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.TCP;
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new TlsConversation(context, true);
    }
}
