package dev.portqry.protocols.ad;

import dev.portqry.core.Protocol;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of the domain matrix: a port of the port set, or a check built on one.
 *
 * @param key a stable identifier, e.g. {@code tcp/135}, {@code rpc-dynamic}, {@code cldap-ping}
 * @param label a short heading for tables, e.g. {@code 135/t}, {@code rpcdyn}
 * @param description what the column checks, in words
 * @param protocol the port's transport, empty for the derived checks
 * @param port the port, 0 for the derived checks
 */
public record CheckColumn(String key, String label, String description, Optional<Protocol> protocol, int port) {
    /** The endpoint mapper's dynamic TCP ports, probed after its dump. */
    public static final CheckColumn RPC_DYNAMIC = derived("rpc-dynamic", "rpcdyn",
            "the dynamic TCP ports the endpoint mapper lists");
    /** Kerberos on TCP 88 (else UDP 88): realm and clock skew. */
    public static final CheckColumn KERBEROS = derived("kerberos", "krb", "Kerberos realm and clock skew");
    /** The LDAPS (636) certificate's days left. */
    public static final CheckColumn LDAPS_CERT = derived("ldaps-cert", "ldapscrt", "LDAPS certificate days left");
    /** The global catalog over TLS (3269) certificate's days left. */
    public static final CheckColumn GC_SSL_CERT = derived("gc-ssl-cert", "gccrt", "GC-SSL certificate days left");
    /** SMB signing on 445. */
    public static final CheckColumn SMB_SIGNING = derived("smb-signing", "smbsign", "SMB signing required");
    /** The CLDAP netlogon ping: the DC's site and flags. */
    public static final CheckColumn CLDAP_PING = derived("cldap-ping", "ping", "CLDAP netlogon ping: site and flags");

    /** Checks the fields. */
    public CheckColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * @param protocol TCP or UDP
     * @param port 1-65535
     * @return the column of that port
     */
    public static CheckColumn port(Protocol protocol, int port) {
        String p = protocol.name().toLowerCase(java.util.Locale.ROOT);
        return new CheckColumn(p + "/" + port, port + "/" + p.charAt(0), protocol + " port " + port, Optional.of(protocol), port);
    }

    private static CheckColumn derived(String key, String label, String description) {
        return new CheckColumn(key, label, description, Optional.empty(), 0);
    }
}
