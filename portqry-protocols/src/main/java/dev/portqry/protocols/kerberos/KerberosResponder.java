package dev.portqry.protocols.kerberos;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.protocols.kerberos.internal.AsReq;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Asks a KDC on TCP or UDP 88 for a ticket-granting ticket of a random, nonexistent principal
 * without pre-authentication (RFC 4120 5.4.1). The KRB-ERROR that comes back proves that a KDC
 * serves the realm and carries the KDC's clock; the probe needs no credentials.
 *
 * <p>The realm is the {@link #REALM} setting when set; otherwise the upper-cased DNS domain of
 * the target name ({@link KerberosRealms#fromHostName}); with neither (an IP literal target)
 * the probe asks for {@link #FALLBACK_REALM}, which a KDC answers with an error for a realm it
 * does not serve: still proof that a KDC listens. A caller that knows the domain (the CLI, or
 * a health check that read the LDAP rootDSE's {@code defaultNamingContext}) sets {@link #REALM}.
 *
 * <pre>{@code
 * ProbeOptions opts = ProbeOptions.builder().set(KerberosResponder.REALM, "CORP.EXAMPLE.TEST").build();
 * probe.probe("dc1.corp.example.test", Protocol.UDP, 88, opts).join()
 *      .result(KerberosResult.class).ifPresent(r -> System.out.println(r.clockSkew()));
 * }</pre>
 */
public final class KerberosResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "kerberos";
    /** The realm to ask for; empty (the default) derives it from the target name. */
    public static final ResponderSetting<String> REALM = ResponderSetting.of("kerberos.realm", String.class, "");
    /** The realm asked for when none is set or derivable ({@code .invalid} is reserved by RFC 2606). */
    public static final String FALLBACK_REALM = "PORTQRY.INVALID";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Kerberos";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(88), PortClaim.udp(88));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("kerberos", "kerberos-sec", "kerberos5", "krb5");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return true;
    }

    @Override
    public Conversation open(ConversationContext context) {
        String realm = context.setting(REALM).trim();
        String source = "kerberos.realm setting";
        if (realm.isEmpty()) {
            Optional<String> derived = KerberosRealms.fromHostName(context.targetName().orElse(null));
            realm = derived.orElse(FALLBACK_REALM);
            source = derived.isPresent() ? "from the target name" : "no realm known: placeholder";
        }
        return new KerberosConversation(context, newRequest(realm), source);
    }

    /**
     * @param realm the realm to ask, not empty
     * @return an AS-REQ for {@code krbtgt/realm} by a fresh random principal, with a random nonce
     */
    static AsReq newRequest(String realm) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String user = String.format(Locale.ROOT, "portqry-probe-%012x", rnd.nextLong() & 0xffffffffffffL);
        return new AsReq(PrincipalName.user(user), realm, PrincipalName.krbtgt(realm),
                rnd.nextInt(Integer.MAX_VALUE), AsReq.FAR_FUTURE, List.copyOf(AsReq.DEFAULT_ETYPES));
    }
}
