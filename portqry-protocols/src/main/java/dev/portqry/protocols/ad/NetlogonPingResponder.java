package dev.portqry.protocols.ad;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.protocols.kerberos.KerberosRealms;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The LDAP ping (MS-ADTS 6.3.3) over CLDAP, UDP 389: asks a domain controller for its
 * NETLOGON_SAM_LOGON_RESPONSE_EX, which carries its site and DS_FLAG bits. Claims no port: the
 * {@code ldap} responder keeps UDP 389; select this one by name.
 *
 * <pre>{@code
 * ProbeOptions o = ProbeOptions.builder().responder(ResponderSelection.forced(NetlogonPingResponder.NAME))
 *         .set(NetlogonPingResponder.DOMAIN, "corp.example.test").build();
 * probe.probe(dc, Protocol.UDP, 389, o).join().result(NetlogonPingResult.class)
 *         .ifPresent(r -> System.out.println(r.response().dcSiteName()));
 * }</pre>
 */
public final class NetlogonPingResponder implements ProtocolResponder {
    /** The responder's name. */
    public static final String NAME = "netlogon";
    /** The DnsDomain asked about; empty (the default) derives it from the target name, or asks without one. */
    public static final ResponderSetting<String> DOMAIN = ResponderSetting.of("netlogon.domain", String.class, "");

    /** Creates the responder (the {@link java.util.ServiceLoader} constructor). */
    public NetlogonPingResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "CLDAP netlogon ping";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of();
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    /** CLDAP replies go to the source port; PortQry's own UDP LDAP uses an ephemeral one too. */
    @Override
    public boolean usesEphemeralSourcePort(Protocol protocol) {
        return true;
    }

    @Override
    public Conversation open(ConversationContext context) {
        String domain = context.setting(DOMAIN).trim();
        if (domain.isEmpty()) {
            domain = KerberosRealms.fromHostName(context.targetName().orElse(null)).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        }
        return new NetlogonPingConversation(context, ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE), domain);
    }

    @Override
    public String toString() {
        return "NetlogonPingResponder";
    }
}
