package dev.portqry.protocols.ad;

/** The state of one matrix cell, with PortQry's exit code for it. */
public enum CellState {
    /** The port is LISTENING. */
    LISTENING("LISTENING", "OK", 0),
    /** The check's protocol answered and nothing is wrong. */
    ANSWERED("ANSWERED", "OK", 0),
    /** It answered, with something to look at (certificate expiring within the warning days, signing not required, clock skew over a minute). */
    WARNING("WARNING", "WARN", 0),
    /** The port is NOT LISTENING. */
    NOT_LISTENING("NOT LISTENING", "NOTL", 1),
    /** The port is FILTERED. */
    FILTERED("FILTERED", "FILT", 2),
    /** UDP: neither a reply nor an ICMP error. */
    LISTENING_OR_FILTERED("LISTENING or FILTERED", "L/F", 2),
    /** The port listens but the protocol gave no usable answer, or the answer shows a failure (expired certificate, refused realm, skew beyond 5 minutes). */
    FAILED("FAILED", "FAIL", 2),
    /** The check could not run (no address for the DC, a local error). */
    ERROR("ERROR", "ERR", 5);

    private final String displayName;
    private final String shortName;
    private final int exitCode;

    CellState(String displayName, String shortName, int exitCode) {
        this.displayName = displayName;
        this.shortName = shortName;
        this.exitCode = exitCode;
    }

    /** @return the state in words, e.g. {@code NOT LISTENING} */
    public String displayName() {
        return displayName;
    }

    /** @return at most 4 characters for narrow tables, e.g. {@code FILT} */
    public String shortName() {
        return shortName;
    }

    /** @return PortQry's exit code: 0 fine, 1 not listening, 2 filtered or failed; 5 the check could not run */
    public int exitCode() {
        return exitCode;
    }

    /** @return whether the cell needs a reason (anything but LISTENING and ANSWERED) */
    public boolean needsReason() {
        return this != LISTENING && this != ANSWERED;
    }

    /**
     * @param s a port state
     * @return the cell state for it
     */
    public static CellState of(dev.portqry.core.PortState s) {
        return switch (s) {
            case LISTENING -> LISTENING;
            case NOT_LISTENING -> NOT_LISTENING;
            case FILTERED -> FILTERED;
            case LISTENING_OR_FILTERED -> LISTENING_OR_FILTERED;
        };
    }
}
