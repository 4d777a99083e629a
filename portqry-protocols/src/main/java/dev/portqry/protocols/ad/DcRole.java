package dev.portqry.protocols.ad;

/** The roles a domain controller announces through SRV records. */
public enum DcRole {
    /** {@code _ldap._tcp.dc._msdcs.<domain>}: a domain controller of the domain. */
    LDAP,
    /** {@code _kerberos._tcp.<domain>}: a KDC of the realm. */
    KERBEROS,
    /** {@code _gc._tcp.<forest>}: a global catalog of the forest. */
    GC
}
