package dev.portqry.protocols.l2tp.internal;

import java.util.Map;

/**
 * An IETF attribute type of an L2TP AVP (RFC 2661 section 4.4, vendor ID 0). Open:
 * {@link #valueOf(int)} never throws.
 *
 * @param code the two-byte attribute type
 * @param name the RFC's name, or {@code UNKNOWN(n)}
 */
public record L2tpAvpType(int code, String name) {
    /** Message Type, always the first AVP (section 4.4.1). */
    public static final L2tpAvpType MESSAGE_TYPE = new L2tpAvpType(0, "Message Type");
    /** Result Code of StopCCN and CDN (section 4.4.2). */
    public static final L2tpAvpType RESULT_CODE = new L2tpAvpType(1, "Result Code");
    /** Protocol Version, 1.0 (section 4.4.3). */
    public static final L2tpAvpType PROTOCOL_VERSION = new L2tpAvpType(2, "Protocol Version");
    /** Framing Capabilities (section 4.4.3). */
    public static final L2tpAvpType FRAMING_CAPABILITIES = new L2tpAvpType(3, "Framing Capabilities");
    /** Bearer Capabilities (section 4.4.3). */
    public static final L2tpAvpType BEARER_CAPABILITIES = new L2tpAvpType(4, "Bearer Capabilities");
    /** Tie Breaker (section 4.4.3). */
    public static final L2tpAvpType TIE_BREAKER = new L2tpAvpType(5, "Tie Breaker");
    /** Firmware Revision (section 4.4.3). */
    public static final L2tpAvpType FIRMWARE_REVISION = new L2tpAvpType(6, "Firmware Revision");
    /** Host Name (section 4.4.3). */
    public static final L2tpAvpType HOST_NAME = new L2tpAvpType(7, "Host Name");
    /** Vendor Name (section 4.4.3). */
    public static final L2tpAvpType VENDOR_NAME = new L2tpAvpType(8, "Vendor Name");
    /** Assigned Tunnel ID (section 4.4.3). */
    public static final L2tpAvpType ASSIGNED_TUNNEL_ID = new L2tpAvpType(9, "Assigned Tunnel ID");
    /** Receive Window Size (section 4.4.3). */
    public static final L2tpAvpType RECEIVE_WINDOW_SIZE = new L2tpAvpType(10, "Receive Window Size");

    private static final Map<Integer, L2tpAvpType> KNOWN = Map.ofEntries(
            Map.entry(0, MESSAGE_TYPE), Map.entry(1, RESULT_CODE), Map.entry(2, PROTOCOL_VERSION),
            Map.entry(3, FRAMING_CAPABILITIES), Map.entry(4, BEARER_CAPABILITIES), Map.entry(5, TIE_BREAKER),
            Map.entry(6, FIRMWARE_REVISION), Map.entry(7, HOST_NAME), Map.entry(8, VENDOR_NAME),
            Map.entry(9, ASSIGNED_TUNNEL_ID), Map.entry(10, RECEIVE_WINDOW_SIZE),
            Map.entry(11, new L2tpAvpType(11, "Challenge")), Map.entry(13, new L2tpAvpType(13, "Challenge Response")),
            Map.entry(36, new L2tpAvpType(36, "Random Vector")));

    /**
     * @param code an attribute type
     * @return the known type, or an {@code UNKNOWN(code)} value
     */
    public static L2tpAvpType valueOf(int code) {
        L2tpAvpType known = KNOWN.get(code);
        return known != null ? known : new L2tpAvpType(code, "UNKNOWN(" + code + ")");
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
