/**
 * A strict, bounds-checked reader and writer for the Basic Encoding Rules (ITU-T X.690) as
 * used by LDAP, SNMP and Kerberos: definite lengths only, caps on declared lengths and on
 * nesting depth, and a {@link dev.portqry.core.ProtocolDecodeException} naming the calling
 * protocol for every malformed input.
 *
 * <pre>{@code
 * BerReader msg = BerReader.of(buf, "LDAP").readSequence();
 * int id = msg.readInt();
 * BerReader op = msg.readConstructed(BerTag.application(4, true));
 * }</pre>
 */
package dev.portqry.protocols.ber;
