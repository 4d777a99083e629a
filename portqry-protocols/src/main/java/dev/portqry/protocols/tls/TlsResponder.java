package dev.portqry.protocols.tls;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import java.util.Set;

/**
 * A TLS handshake on any TCP port, chosen by name ({@code ResponderSelection.forced("tls")}):
 * reports the negotiated protocol and cipher suite and the server certificate, validated
 * against the JDK trust store. It claims no port by default, since many protocols on a port
 * start in clear text; {@link LdapsResponder} covers LDAPS and the global catalog over SSL.
 */
public final class TlsResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "tls";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "TLS";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of();
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.TCP;
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new TlsConversation(context, false);
    }
}
