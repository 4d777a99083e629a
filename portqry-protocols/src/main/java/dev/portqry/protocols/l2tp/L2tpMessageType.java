package dev.portqry.protocols.l2tp;

import java.util.Map;

/**
 * The value of an L2TP Message Type AVP (RFC 2661 section 3.2). Open: {@link #valueOf(int)}
 * never throws.
 *
 * @param code the two-byte message type
 * @param name the RFC's abbreviation, or {@code UNKNOWN(n)}
 */
public record L2tpMessageType(int code, String name) {
    /** Start-Control-Connection-Request. */
    public static final L2tpMessageType SCCRQ = new L2tpMessageType(1, "SCCRQ");
    /** Start-Control-Connection-Reply. */
    public static final L2tpMessageType SCCRP = new L2tpMessageType(2, "SCCRP");
    /** Start-Control-Connection-Connected. */
    public static final L2tpMessageType SCCCN = new L2tpMessageType(3, "SCCCN");
    /** Stop-Control-Connection-Notification. */
    public static final L2tpMessageType STOPCCN = new L2tpMessageType(4, "StopCCN");
    /** Hello (keep-alive). */
    public static final L2tpMessageType HELLO = new L2tpMessageType(6, "HELLO");

    private static final Map<Integer, L2tpMessageType> KNOWN = Map.ofEntries(
            Map.entry(1, SCCRQ), Map.entry(2, SCCRP), Map.entry(3, SCCCN), Map.entry(4, STOPCCN), Map.entry(6, HELLO),
            Map.entry(7, new L2tpMessageType(7, "OCRQ")), Map.entry(8, new L2tpMessageType(8, "OCRP")),
            Map.entry(9, new L2tpMessageType(9, "OCCN")), Map.entry(10, new L2tpMessageType(10, "ICRQ")),
            Map.entry(11, new L2tpMessageType(11, "ICRP")), Map.entry(12, new L2tpMessageType(12, "ICCN")),
            Map.entry(14, new L2tpMessageType(14, "CDN")), Map.entry(15, new L2tpMessageType(15, "WEN")),
            Map.entry(16, new L2tpMessageType(16, "SLI")));

    /**
     * @param code a message type
     * @return the known type, or an {@code UNKNOWN(code)} value
     */
    public static L2tpMessageType valueOf(int code) {
        L2tpMessageType known = KNOWN.get(code);
        return known != null ? known : new L2tpMessageType(code, "UNKNOWN(" + code + ")");
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
