package dev.portqry.core;

/**
 * What a probe concluded about a port, with PortQry's wording.
 */
public enum PortState {
    /** TCP connect succeeded, or a UDP reply came back. */
    LISTENING("LISTENING"),
    /** TCP connection refused (RST), or ICMP port unreachable for UDP. */
    NOT_LISTENING("NOT LISTENING"),
    /** No answer after every attempt, or an ICMP error other than port unreachable. */
    FILTERED("FILTERED"),
    /** UDP only: neither a reply nor an ICMP error came back to the plain datagram. */
    LISTENING_OR_FILTERED("LISTENING or FILTERED");

    private final String displayName;

    PortState(String displayName) {
        this.displayName = displayName;
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
}
