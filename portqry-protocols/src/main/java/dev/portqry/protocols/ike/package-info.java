/**
 * IKE (RFC 7296; RFC 2408 for IKEv1 answers), PortQry's IPsec helper on UDP 500 and 4500: an
 * IKE_SA_INIT whose answer, even an error notification, proves the port LISTENING. Start with
 * {@link dev.portqry.protocols.ike.IkeResponder}.
 */
package dev.portqry.protocols.ike;
