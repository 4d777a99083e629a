/**
 * A custom responder for a protocol portqry does not ship: Redis {@code PING} over RESP.
 * {@link dev.portqry.examples.custom.RedisPingResponder} is listed in this module's
 * {@code META-INF/services/dev.portqry.core.spi.ProtocolResponder}, so a default
 * {@link dev.portqry.core.PortProbe} finds it on the class path and sends {@code PING} to TCP
 * 6379 (and to any port the services file names {@code redis}). Copy this package to start a
 * responder of your own; {@code EXAMPLES.md} explains it step by step.
 */
package dev.portqry.examples.custom;
