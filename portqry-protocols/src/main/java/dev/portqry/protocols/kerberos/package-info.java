/**
 * Kerberos KDC probe (RFC 4120): {@link dev.portqry.protocols.kerberos.KerberosResponder} sends
 * an AS-REQ without pre-authentication for a random principal over TCP or UDP 88 and decodes
 * the KRB-ERROR (or AS-REP) into a {@link dev.portqry.protocols.kerberos.KerberosResult} with the
 * realm, error code, KDC time and clock skew. The realm comes from the {@code kerberos.realm}
 * setting or the target name's domain. DER is read and written with the
 * shared strict BER codec of {@code dev.portqry.protocols.ber} under Kerberos' caps.
 */
package dev.portqry.protocols.kerberos;
