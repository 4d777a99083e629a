package dev.portqry.protocols.smb;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.protocols.smb.internal.NetbiosSessionRequest;
import dev.portqry.protocols.smb.internal.Smb2NegotiateRequest;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Negotiates SMB on TCP 445 (direct TCP) or 139 (after a NetBIOS session request to
 * {@code *SMBSERVER}) and reports the dialect, signing policy, server GUID, capabilities and
 * server time. It opens with the multi-protocol SMB1 NEGOTIATE Windows clients use, so that an
 * SMB1-only server answers (a plain SMB2 NEGOTIATE makes it hang up), then sends the SMB2
 * NEGOTIATE with dialects 2.0.2 to 3.1.1. No session is set up and no credential is sent.
 * Any port other than 139 gets direct-TCP framing.
 *
 * <pre>{@code
 * probe.probe("dc1.corp.example.test", Protocol.TCP, 445).join().result(SmbResult.class)
 *      .flatMap(SmbResult::negotiate).ifPresent(n -> System.out.println(n.signingRequired()));
 * }</pre>
 */
public final class SmbResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "smb";
    /** The NetBIOS session service port, which needs the session request first. */
    static final int NETBIOS_SESSION_PORT = 139;
    /** Our NetBIOS name in the session request. */
    static final String CALLING_NAME = "PORTQRY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "SMB";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(445), PortClaim.tcp(NETBIOS_SESSION_PORT));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("microsoft-ds", "netbios-ssn");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.TCP;
    }

    @Override
    public Conversation open(ConversationContext context) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        byte[] salt = new byte[32];
        rnd.nextBytes(salt);
        Smb2NegotiateRequest request = new Smb2NegotiateRequest(new UUID(rnd.nextLong(), rnd.nextLong()), salt, 1);
        NetbiosSessionRequest session = context.remote().getPort() == NETBIOS_SESSION_PORT
                ? new NetbiosSessionRequest(NetbiosSessionRequest.ANY_SERVER, CALLING_NAME) : null;
        return new SmbConversation(context, request, session);
    }
}
