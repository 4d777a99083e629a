package dev.portqry.core;

/**
 * What a probe concluded about a port, with PortQry's wording and exit code.
 */
public enum PortState {
    /** TCP connect succeeded, or a UDP reply came back. */
    LISTENING("LISTENING", 0),
    /** TCP connection refused (RST), or ICMP port unreachable for UDP. */
    NOT_LISTENING("NOT LISTENING", 1),
    /** No answer after every attempt, or an ICMP error other than port unreachable. */
    FILTERED("FILTERED", 2),
    /** UDP only: neither a reply nor an ICMP error came back to the plain datagram. */
    LISTENING_OR_FILTERED("LISTENING or FILTERED", 2);

    private final String displayName;
    private final int exitCode;

    PortState(String displayName, int exitCode) {
        this.displayName = displayName;
        this.exitCode = exitCode;
    }

    /** @return PortQry's text for this state, e.g. {@code NOT LISTENING} */
    public String displayName() {
        return displayName;
    }

    /** @return PortQry's text, as {@link #displayName()}: {@code LISTENING or FILTERED}, not the constant's name */
    @Override
    public String toString() {
        return displayName;
    }

    /** @return PortQry's exit code: 0 listening, 1 not listening, 2 filtered or listening-or-filtered */
    public int exitCode() {
        return exitCode;
    }
}
