/**
 * LDAPS and TLS probes: {@link dev.portqry.protocols.tls.LdapsResponder} (TCP 636 and 3269)
 * and {@link dev.portqry.protocols.tls.TlsResponder} (any port, chosen by name) drive a JDK
 * {@link javax.net.ssl.SSLEngine} inside the byte conversation and report the negotiated
 * protocol, the server certificate and its validation against the JDK trust store in a
 * {@link dev.portqry.protocols.tls.TlsResult}. The LDAP query inside TLS is the LDAP package's
 * {@link dev.portqry.protocols.ldap.internal.RootDseSearch} for {@code dnsHostName} and
 * {@code defaultNamingContext}: enough to show LDAP answered.
 */
package dev.portqry.protocols.tls;
