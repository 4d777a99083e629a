package dev.portqry.protocols.ike.internal;

import java.util.Map;

/**
 * An IKEv2 payload type (RFC 7296 section 3.2; 11 is IKEv1's Notification, RFC 2408
 * section 3.14). Open: {@link #valueOf(int)} never throws.
 *
 * @param code the Next Payload value that announces it
 * @param name the RFC's notation, or {@code UNKNOWN(n)}
 */
public record IkePayloadType(int code, String name) {
    /** No next payload. */
    public static final IkePayloadType NONE = new IkePayloadType(0, "none");
    /** IKEv1 Notification. */
    public static final IkePayloadType V1_NOTIFICATION = new IkePayloadType(11, "N (IKEv1)");
    /** Security Association. */
    public static final IkePayloadType SA = new IkePayloadType(33, "SA");
    /** Key Exchange. */
    public static final IkePayloadType KE = new IkePayloadType(34, "KE");
    /** Nonce. */
    public static final IkePayloadType NONCE = new IkePayloadType(40, "Ni, Nr");
    /** Notify. */
    public static final IkePayloadType NOTIFY = new IkePayloadType(41, "N");
    /** Vendor ID. */
    public static final IkePayloadType VENDOR_ID = new IkePayloadType(43, "V");

    private static final Map<Integer, IkePayloadType> KNOWN = Map.ofEntries(
            Map.entry(0, NONE), Map.entry(11, V1_NOTIFICATION), Map.entry(33, SA), Map.entry(34, KE),
            Map.entry(35, new IkePayloadType(35, "IDi")), Map.entry(36, new IkePayloadType(36, "IDr")),
            Map.entry(37, new IkePayloadType(37, "CERT")), Map.entry(38, new IkePayloadType(38, "CERTREQ")),
            Map.entry(39, new IkePayloadType(39, "AUTH")), Map.entry(40, NONCE), Map.entry(41, NOTIFY),
            Map.entry(42, new IkePayloadType(42, "D")), Map.entry(43, VENDOR_ID),
            Map.entry(44, new IkePayloadType(44, "TSi")), Map.entry(45, new IkePayloadType(45, "TSr")),
            Map.entry(46, new IkePayloadType(46, "SK")), Map.entry(47, new IkePayloadType(47, "CP")),
            Map.entry(48, new IkePayloadType(48, "EAP")), Map.entry(53, new IkePayloadType(53, "SKF")));

    /**
     * @param code a payload type
     * @return the known type, or an {@code UNKNOWN(code)} value
     */
    public static IkePayloadType valueOf(int code) {
        IkePayloadType known = KNOWN.get(code);
        return known != null ? known : new IkePayloadType(code, "UNKNOWN(" + code + ")");
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
