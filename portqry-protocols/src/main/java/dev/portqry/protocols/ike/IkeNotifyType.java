package dev.portqry.protocols.ike;

import java.util.Map;

/**
 * A notify message type: IKEv2's from RFC 7296 section 3.10.1 and its extensions, IKEv1's
 * from RFC 2408 section 3.14.1. Below 16384 they are errors, from 16384 status. Open:
 * {@link #valueOf(int)} and {@link #valueOfV1(int)} never throw.
 *
 * @param code the two-byte notify type
 * @param name the RFC's name, or {@code UNKNOWN(n)}
 */
public record IkeNotifyType(int code, String name) {
    /** No proposal was acceptable. */
    public static final IkeNotifyType NO_PROPOSAL_CHOSEN = new IkeNotifyType(14, "NO_PROPOSAL_CHOSEN");
    /** The KE payload's group is not the one the responder chose; the data names the group it wants. */
    public static final IkeNotifyType INVALID_KE_PAYLOAD = new IkeNotifyType(17, "INVALID_KE_PAYLOAD");
    /** The responder wants the request again with this cookie (RFC 7296 section 2.6). */
    public static final IkeNotifyType COOKIE = new IkeNotifyType(16390, "COOKIE");

    private static final Map<Integer, IkeNotifyType> V2 = Map.ofEntries(
            entry(1, "UNSUPPORTED_CRITICAL_PAYLOAD"), entry(4, "INVALID_IKE_SPI"), entry(5, "INVALID_MAJOR_VERSION"),
            entry(7, "INVALID_SYNTAX"), entry(9, "INVALID_MESSAGE_ID"), entry(11, "INVALID_SPI"),
            Map.entry(14, NO_PROPOSAL_CHOSEN), Map.entry(17, INVALID_KE_PAYLOAD), entry(24, "AUTHENTICATION_FAILED"),
            entry(34, "SINGLE_PAIR_REQUIRED"), entry(35, "NO_ADDITIONAL_SAS"), entry(36, "INTERNAL_ADDRESS_FAILURE"),
            entry(37, "FAILED_CP_REQUIRED"), entry(38, "TS_UNACCEPTABLE"), entry(39, "INVALID_SELECTORS"),
            entry(43, "TEMPORARY_FAILURE"), entry(44, "CHILD_SA_NOT_FOUND"),
            entry(16384, "INITIAL_CONTACT"), entry(16385, "SET_WINDOW_SIZE"), entry(16386, "ADDITIONAL_TS_POSSIBLE"),
            entry(16387, "IPCOMP_SUPPORTED"), entry(16388, "NAT_DETECTION_SOURCE_IP"),
            entry(16389, "NAT_DETECTION_DESTINATION_IP"), Map.entry(16390, COOKIE), entry(16391, "USE_TRANSPORT_MODE"),
            entry(16392, "HTTP_CERT_LOOKUP_SUPPORTED"), entry(16393, "REKEY_SA"),
            entry(16394, "ESP_TFC_PADDING_NOT_SUPPORTED"), entry(16395, "NON_FIRST_FRAGMENTS_ALSO"),
            entry(16396, "MOBIKE_SUPPORTED"), entry(16404, "MULTIPLE_AUTH_SUPPORTED"),
            entry(16406, "REDIRECT_SUPPORTED"), entry(16407, "REDIRECT"), entry(16408, "REDIRECTED_FROM"),
            entry(16418, "CHILDLESS_IKEV2_SUPPORTED"), entry(16430, "IKEV2_FRAGMENTATION_SUPPORTED"),
            entry(16431, "SIGNATURE_HASH_ALGORITHMS"));

    private static final Map<Integer, IkeNotifyType> V1 = Map.ofEntries(
            entry(1, "INVALID-PAYLOAD-TYPE"), entry(5, "INVALID-MAJOR-VERSION"), entry(7, "INVALID-EXCHANGE-TYPE"),
            entry(14, "NO-PROPOSAL-CHOSEN"), entry(16, "PAYLOAD-MALFORMED"), entry(17, "INVALID-KEY-INFORMATION"),
            entry(24, "AUTHENTICATION-FAILED"), entry(24576, "RESPONDER-LIFETIME"));

    private static Map.Entry<Integer, IkeNotifyType> entry(int code, String name) {
        return Map.entry(code, new IkeNotifyType(code, name));
    }

    /**
     * @param code an IKEv2 notify type
     * @return the known type, or an {@code UNKNOWN(code)} value
     */
    public static IkeNotifyType valueOf(int code) {
        IkeNotifyType known = V2.get(code);
        return known != null ? known : new IkeNotifyType(code, "UNKNOWN(" + code + ")");
    }

    /**
     * @param code an IKEv1 notify message type
     * @return the known type, or an {@code UNKNOWN(code)} value
     */
    public static IkeNotifyType valueOfV1(int code) {
        IkeNotifyType known = V1.get(code);
        return known != null ? known : new IkeNotifyType(code, "UNKNOWN(" + code + ")");
    }

    /** @return true for an error type (below 16384) */
    public boolean isError() {
        return code < 16384;
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
