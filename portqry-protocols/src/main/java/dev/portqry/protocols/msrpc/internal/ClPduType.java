package dev.portqry.protocols.msrpc.internal;

/**
 * The {@code PTYPE} of a connectionless PDU (C706 12.5.3.1). An open value type:
 * {@link #valueOf(int)} never throws.
 *
 * @param code the wire value
 * @param name the C706 name
 */
public record ClPduType(int code, String name) {
    /** Request. */
    public static final ClPduType REQUEST = new ClPduType(0, "request");
    /** Ping: is my call still alive. */
    public static final ClPduType PING = new ClPduType(1, "ping");
    /** Response. */
    public static final ClPduType RESPONSE = new ClPduType(2, "response");
    /** Fault: the call failed. */
    public static final ClPduType FAULT = new ClPduType(3, "fault");
    /** Working: the call is in progress. */
    public static final ClPduType WORKING = new ClPduType(4, "working");
    /** Nocall: the server has no record of the call (yet). */
    public static final ClPduType NOCALL = new ClPduType(5, "nocall");
    /** Reject: the server refused the call. */
    public static final ClPduType REJECT = new ClPduType(6, "reject");
    /** Ack: the client got the response. */
    public static final ClPduType ACK = new ClPduType(7, "ack");
    /** Cancel. */
    public static final ClPduType CL_CANCEL = new ClPduType(8, "cl_cancel");
    /** Fragment acknowledgement. */
    public static final ClPduType FACK = new ClPduType(9, "fack");
    /** Cancel acknowledgement. */
    public static final ClPduType CANCEL_ACK = new ClPduType(10, "cancel_ack");

    private static final ClPduType[] KNOWN = {REQUEST, PING, RESPONSE, FAULT, WORKING, NOCALL, REJECT, ACK,
        CL_CANCEL, FACK, CANCEL_ACK};

    /**
     * @param code a wire value
     * @return the known type, or one named {@code unknown}
     */
    public static ClPduType valueOf(int code) {
        for (ClPduType t : KNOWN) {
            if (t.code == code) {
                return t;
            }
        }
        return new ClPduType(code, "unknown");
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
