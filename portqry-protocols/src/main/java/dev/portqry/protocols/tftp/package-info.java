/**
 * TFTP (RFC 1350), PortQry's UDP 69 helper: a read request whose ERROR or DATA answer proves
 * the port LISTENING. Start with {@link dev.portqry.protocols.tftp.TftpResponder}.
 */
package dev.portqry.protocols.tftp;
