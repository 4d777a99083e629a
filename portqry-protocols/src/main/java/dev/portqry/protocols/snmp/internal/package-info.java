/**
 * The SNMP wire codec: the messages the conversation writes and reads, and their framing.
 * Public only so that the protocol package can use it; this package is not API and may change
 * in any release.
 */
package dev.portqry.protocols.snmp.internal;
