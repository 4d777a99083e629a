package dev.portqry.protocols.ad;

import java.util.List;
import java.util.Objects;

/**
 * One SRV question asked during discovery and what came of it.
 *
 * @param name the name asked, e.g. {@code _kerberos._tcp.corp.example.test}
 * @param role the role the record announces
 * @param outcome what the server said
 * @param detail the response code or error in words; empty when records came back
 * @param records the SRV records, empty unless {@link Outcome#RECORDS}
 */
public record SrvQuery(String name, DcRole role, Outcome outcome, String detail, List<SrvRecord> records) {
    /** Checks and copies. */
    public SrvQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        records = List.copyOf(records);
    }

    /** What the DNS server said to one question. */
    public enum Outcome {
        /** At least one SRV record came back. */
        RECORDS,
        /** The name exists but holds no SRV record (NOERROR, empty answer). */
        NO_RECORDS,
        /** The name does not exist (NXDOMAIN). */
        NAME_ERROR,
        /** The server answered with another error code (SERVFAIL, REFUSED, ...). */
        SERVER_ERROR,
        /** No answer within the deadline. */
        NO_ANSWER,
        /** The query could not be sent or the answer could not be read. */
        FAILED
    }
}
