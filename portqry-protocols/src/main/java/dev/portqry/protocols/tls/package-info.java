/**
 * LDAPS and TLS probes: {@link dev.portqry.protocols.tls.LdapsResponder} (TCP 636 and 3269)
 * and {@link dev.portqry.protocols.tls.TlsResponder} (any port, chosen by name) drive a JDK
 * {@link javax.net.ssl.SSLEngine} inside the byte conversation and report the negotiated
 * protocol, the server certificate and its validation against the JDK trust store in a
 * {@link dev.portqry.protocols.tls.TlsResult}. The LDAP query inside TLS is a fixed rootDSE
 * search read just far enough to show LDAP answered.
 */
package dev.portqry.protocols.tls;
