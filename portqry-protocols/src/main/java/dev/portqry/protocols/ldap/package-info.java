/**
 * The LDAP responder: an anonymous rootDSE read over TCP (RFC 4511) and UDP (CLDAP as Active
 * Directory and Samba speak it, MS-ADTS 3.1.1.3.1.11), one class per protocol message, and the
 * typed {@link dev.portqry.protocols.ldap.RootDseResult} result.
 */
package dev.portqry.protocols.ldap;
