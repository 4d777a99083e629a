package dev.portqry.core;

/**
 * Which TCP connection a probe's step-2 query runs on, when the port has a responder. Set per
 * probe with {@link ProbeOptions.Builder#connectionMode(ConnectionMode)}; UDP is unaffected.
 */
public enum ConnectionMode {
    /**
     * The default: the query runs on step 1's connection, so the server sees one connection per
     * probe, closed normally once the reply is read. What health checks and monitoring want:
     * no aborted connection in the server's logs at every tick.
     */
    SHARED,
    /**
     * PortQry's two steps literally: step 1's connection only proves the port and is closed with
     * a reset (SO_LINGER 0, so no TIME_WAIT keeps a fixed source port from connecting again), then
     * the query opens a second connection. The server sees two connections, the first aborted.
     * If the second connect fails, the port is still LISTENING (step 1 proved it) and step 2 ends
     * as {@link ResponderOutcome.NoReply}.
     */
    SEPARATE
}
