/**
 * ISA Server (TCP and UDP 1745): deliberately empty. PortQry 2.0 lists a helper for Microsoft
 * ISA Server's firewall-client control channel on 1745, but Microsoft never published that
 * protocol (no open specification document covers the ISA/TMG Firewall Client Control
 * Protocol, and KB 310456 and KB 832919 describe only the port), so no well-formed query can be
 * written from a source. Port 1745 therefore gets PortQry's step 1 only: TCP connect, or the
 * plain UDP datagram (LISTENING, NOT LISTENING, or LISTENING or FILTERED). A responder can be
 * added here if a specification or a captured exchange with a real ISA/TMG server turns up.
 */
package dev.portqry.protocols.isa;
