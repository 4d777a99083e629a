package dev.portqry.protocols.snmp;

import java.util.List;

/**
 * The error-status of a response PDU (RFC 1157 4.1.1, RFC 3416 3): an open value type, so an
 * unknown code decodes as {@code error(n)} and never throws.
 *
 * @param code the status code, 0 for noError
 */
public record SnmpErrorStatus(int code) {
    /** noError (0). */
    public static final SnmpErrorStatus NO_ERROR = new SnmpErrorStatus(0);
    /** noSuchName (2): SNMPv1's answer to an unknown object. */
    public static final SnmpErrorStatus NO_SUCH_NAME = new SnmpErrorStatus(2);

    private static final List<String> NAMES = List.of("noError", "tooBig", "noSuchName", "badValue", "readOnly",
            "genErr", "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation",
            "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed", "authorizationError",
            "notWritable", "inconsistentName");

    /**
     * @param code any status code
     * @return the status; never throws
     */
    public static SnmpErrorStatus valueOf(int code) {
        return code == 0 ? NO_ERROR : new SnmpErrorStatus(code);
    }

    /** @return the RFC name, or {@code error(n)} for an unknown code */
    public String name() {
        return code >= 0 && code < NAMES.size() ? NAMES.get(code) : "error(" + code + ")";
    }

    @Override
    public String toString() {
        return name() + " (" + code + ")";
    }
}
