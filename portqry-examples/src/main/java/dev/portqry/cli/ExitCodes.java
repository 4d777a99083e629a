package dev.portqry.cli;

import dev.portqry.core.PortState;
import java.util.List;

/**
 * The process exit codes of {@code portqry}. 0, 1 and 2 are PortQry's own; PortQry documents
 * nothing for usage errors, names that do not resolve or several ports, so this tool defines
 * them: with several ports or targets the highest code wins (0 only when every port listens).
 * Local mode returns 0 when it ran.
 */
public final class ExitCodes {
    /** Every port queried is LISTENING (also: help shown, local mode ran). */
    public static final int LISTENING = 0;
    /** At least one port is NOT LISTENING and none scored higher. */
    public static final int NOT_LISTENING = 1;
    /** At least one port is FILTERED or LISTENING or FILTERED. */
    public static final int FILTERED = 2;
    /** Bad command line: unknown option, missing or bad value, forbidden combination, log file not overwritten. */
    public static final int USAGE = 3;
    /** A target name did not resolve to an address (the other targets still run). */
    public static final int UNRESOLVED = 4;
    /** The run failed: source port in use, log file not writable, local mode unsupported, internal error. */
    public static final int FAILURE = 5;
    /** {@code -domain}: the DNS server did not answer the SRV questions. */
    public static final int DNS_SILENT = 6;

    private ExitCodes() {
    }

    /**
     * @param state a port's state, not null
     * @return PortQry's exit code for it: 0 listening, 1 not listening, 2 filtered or listening-or-filtered
     */
    public static int of(PortState state) {
        return switch (state) {
            case LISTENING -> LISTENING;
            case NOT_LISTENING -> NOT_LISTENING;
            case FILTERED, LISTENING_OR_FILTERED -> FILTERED;
        };
    }

    /**
     * @param a one code
     * @param b another
     * @return the one that wins for a run covering both: the higher
     */
    public static int combine(int a, int b) {
        return Math.max(a, b);
    }

    /** @return the table as help text and CLI.md show it, one line per code */
    public static List<String> table() {
        return List.of(
                "  0  every port LISTENING (also: help, local mode)",
                "  1  NOT LISTENING",
                "  2  FILTERED, or LISTENING or FILTERED",
                "  3  usage error (bad option, value or combination; log file not overwritten)",
                "  4  a target name did not resolve",
                "  5  run failed (source port in use, log file not writable, local mode unsupported, internal error)",
                "  6  -domain: the DNS server did not answer (no SRV record found: 4)",
                "  Several ports or targets: the highest code wins.");
    }
}
