/**
 * L2TP version 2 (RFC 2661), PortQry's UDP 1701 helper: a control-connection start whose
 * answer proves the port LISTENING and names the server. Start with
 * {@link dev.portqry.protocols.l2tp.L2tpResponder}.
 */
package dev.portqry.protocols.l2tp;
