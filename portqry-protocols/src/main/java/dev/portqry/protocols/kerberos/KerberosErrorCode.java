package dev.portqry.protocols.kerberos;

import java.util.Map;

/**
 * A KRB-ERROR error-code (RFC 4120 section 7.5.9, plus RFC 6113 and MS-KILE codes): an open
 * value type, so {@link #valueOf(int)} never throws and unknown codes keep their number.
 *
 * @param code the error code
 * @param name the RFC name, e.g. {@code KDC_ERR_PREAUTH_REQUIRED}, or {@code UNKNOWN(n)}
 */
public record KerberosErrorCode(int code, String name) {
    /** The client is not in the KDC's database: expected for the probe's random principal. */
    public static final KerberosErrorCode KDC_ERR_C_PRINCIPAL_UNKNOWN = new KerberosErrorCode(6, "KDC_ERR_C_PRINCIPAL_UNKNOWN");
    /** The server principal is not in the database: {@code krbtgt/REALM} is unknown, so the realm is wrong. */
    public static final KerberosErrorCode KDC_ERR_S_PRINCIPAL_UNKNOWN = new KerberosErrorCode(7, "KDC_ERR_S_PRINCIPAL_UNKNOWN");
    /** The client exists and must pre-authenticate. */
    public static final KerberosErrorCode KDC_ERR_PREAUTH_REQUIRED = new KerberosErrorCode(25, "KDC_ERR_PREAUTH_REQUIRED");
    /** The KDC does not serve the requested realm. */
    public static final KerberosErrorCode KDC_ERR_WRONG_REALM = new KerberosErrorCode(68, "KDC_ERR_WRONG_REALM");

    private static final Map<Integer, KerberosErrorCode> KNOWN = Map.ofEntries(
            entry(0, "KDC_ERR_NONE"),
            entry(1, "KDC_ERR_NAME_EXP"),
            entry(2, "KDC_ERR_SERVICE_EXP"),
            entry(3, "KDC_ERR_BAD_PVNO"),
            entry(4, "KDC_ERR_C_OLD_MAST_KVNO"),
            entry(5, "KDC_ERR_S_OLD_MAST_KVNO"),
            Map.entry(6, KDC_ERR_C_PRINCIPAL_UNKNOWN),
            Map.entry(7, KDC_ERR_S_PRINCIPAL_UNKNOWN),
            entry(8, "KDC_ERR_PRINCIPAL_NOT_UNIQUE"),
            entry(9, "KDC_ERR_NULL_KEY"),
            entry(10, "KDC_ERR_CANNOT_POSTDATE"),
            entry(11, "KDC_ERR_NEVER_VALID"),
            entry(12, "KDC_ERR_POLICY"),
            entry(13, "KDC_ERR_BADOPTION"),
            entry(14, "KDC_ERR_ETYPE_NOSUPP"),
            entry(15, "KDC_ERR_SUMTYPE_NOSUPP"),
            entry(16, "KDC_ERR_PADATA_TYPE_NOSUPP"),
            entry(17, "KDC_ERR_TRTYPE_NOSUPP"),
            entry(18, "KDC_ERR_CLIENT_REVOKED"),
            entry(19, "KDC_ERR_SERVICE_REVOKED"),
            entry(20, "KDC_ERR_TGT_REVOKED"),
            entry(21, "KDC_ERR_CLIENT_NOTYET"),
            entry(22, "KDC_ERR_SERVICE_NOTYET"),
            entry(23, "KDC_ERR_KEY_EXPIRED"),
            entry(24, "KDC_ERR_PREAUTH_FAILED"),
            Map.entry(25, KDC_ERR_PREAUTH_REQUIRED),
            entry(26, "KDC_ERR_SERVER_NOMATCH"),
            entry(27, "KDC_ERR_MUST_USE_USER2USER"),
            entry(28, "KDC_ERR_PATH_NOT_ACCEPTED"),
            entry(29, "KDC_ERR_SVC_UNAVAILABLE"),
            entry(31, "KRB_AP_ERR_BAD_INTEGRITY"),
            entry(37, "KRB_AP_ERR_SKEW"),
            entry(41, "KRB_AP_ERR_MODIFIED"),
            entry(52, "KRB_ERR_RESPONSE_TOO_BIG"),
            entry(60, "KRB_ERR_GENERIC"),
            entry(61, "KRB_ERR_FIELD_TOOLONG"),
            Map.entry(68, KDC_ERR_WRONG_REALM),
            entry(90, "KDC_ERR_PREAUTH_EXPIRED"),
            entry(91, "KDC_ERR_MORE_PREAUTH_DATA_REQUIRED"));

    private static Map.Entry<Integer, KerberosErrorCode> entry(int code, String name) {
        return Map.entry(code, new KerberosErrorCode(code, name));
    }

    /**
     * @param code a wire error code
     * @return the named constant, or an {@code UNKNOWN(code)} value; never null
     */
    public static KerberosErrorCode valueOf(int code) {
        KerberosErrorCode known = KNOWN.get(code);
        return known != null ? known : new KerberosErrorCode(code, "UNKNOWN(" + code + ")");
    }

    /** @return e.g. {@code KDC_ERR_C_PRINCIPAL_UNKNOWN (6)} */
    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
