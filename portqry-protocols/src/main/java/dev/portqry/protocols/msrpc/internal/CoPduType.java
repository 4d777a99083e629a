package dev.portqry.protocols.msrpc.internal;

/**
 * The {@code PTYPE} of a connection-oriented PDU (C706 12.6.4, MS-RPCE 2.2.2.1). An open value
 * type: {@link #valueOf(int)} never throws.
 *
 * @param code the wire value
 * @param name the C706 name
 */
public record CoPduType(int code, String name) {
    /** Request. */
    public static final CoPduType REQUEST = new CoPduType(0, "request");
    /** Response. */
    public static final CoPduType RESPONSE = new CoPduType(2, "response");
    /** Fault. */
    public static final CoPduType FAULT = new CoPduType(3, "fault");
    /** Bind. */
    public static final CoPduType BIND = new CoPduType(11, "bind");
    /** Bind acknowledgement. */
    public static final CoPduType BIND_ACK = new CoPduType(12, "bind_ack");
    /** Bind refusal. */
    public static final CoPduType BIND_NAK = new CoPduType(13, "bind_nak");
    /** Alter context. */
    public static final CoPduType ALTER_CONTEXT = new CoPduType(14, "alter_context");
    /** Alter context response. */
    public static final CoPduType ALTER_CONTEXT_RESP = new CoPduType(15, "alter_context_resp");
    /** Shutdown (server asks the client to close). */
    public static final CoPduType SHUTDOWN = new CoPduType(17, "shutdown");
    /** Cancel. */
    public static final CoPduType CO_CANCEL = new CoPduType(18, "co_cancel");
    /** Orphaned. */
    public static final CoPduType ORPHANED = new CoPduType(19, "orphaned");

    private static final CoPduType[] KNOWN = {REQUEST, RESPONSE, FAULT, BIND, BIND_ACK, BIND_NAK,
        ALTER_CONTEXT, ALTER_CONTEXT_RESP, SHUTDOWN, CO_CANCEL, ORPHANED};

    /**
     * @param code a wire value
     * @return the known type, or one named {@code unknown}
     */
    public static CoPduType valueOf(int code) {
        for (CoPduType t : KNOWN) {
            if (t.code == code) {
                return t;
            }
        }
        return new CoPduType(code, "unknown");
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
