package dev.portqry.protocols.ldap;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An LDAPResult resultCode (RFC 4511 section 4.1.9 and appendix A): an open value type, so a
 * code this library does not name still decodes. Immutable.
 */
public final class LdapResultCode {
    /** 0: the operation succeeded. */
    public static final LdapResultCode SUCCESS = new LdapResultCode(0, "success");
    /** 1: Samba and AD answer this to anonymous searches that need a bind. */
    public static final LdapResultCode OPERATIONS_ERROR = new LdapResultCode(1, "operationsError");
    /** 2. */
    public static final LdapResultCode PROTOCOL_ERROR = new LdapResultCode(2, "protocolError");
    /** 3. */
    public static final LdapResultCode TIME_LIMIT_EXCEEDED = new LdapResultCode(3, "timeLimitExceeded");
    /** 4. */
    public static final LdapResultCode SIZE_LIMIT_EXCEEDED = new LdapResultCode(4, "sizeLimitExceeded");
    /** 8: the server wants a stronger (or any) authentication first. */
    public static final LdapResultCode STRONGER_AUTH_REQUIRED = new LdapResultCode(8, "strongerAuthRequired");
    /** 10. */
    public static final LdapResultCode REFERRAL = new LdapResultCode(10, "referral");
    /** 13. */
    public static final LdapResultCode CONFIDENTIALITY_REQUIRED = new LdapResultCode(13, "confidentialityRequired");
    /** 32. */
    public static final LdapResultCode NO_SUCH_OBJECT = new LdapResultCode(32, "noSuchObject");
    /** 48. */
    public static final LdapResultCode INAPPROPRIATE_AUTHENTICATION = new LdapResultCode(48, "inappropriateAuthentication");
    /** 49. */
    public static final LdapResultCode INVALID_CREDENTIALS = new LdapResultCode(49, "invalidCredentials");
    /** 50. */
    public static final LdapResultCode INSUFFICIENT_ACCESS_RIGHTS = new LdapResultCode(50, "insufficientAccessRights");
    /** 51. */
    public static final LdapResultCode BUSY = new LdapResultCode(51, "busy");
    /** 52. */
    public static final LdapResultCode UNAVAILABLE = new LdapResultCode(52, "unavailable");
    /** 53. */
    public static final LdapResultCode UNWILLING_TO_PERFORM = new LdapResultCode(53, "unwillingToPerform");
    /** 80. */
    public static final LdapResultCode OTHER = new LdapResultCode(80, "other");

    private static final Map<Integer, LdapResultCode> KNOWN = Stream.of(SUCCESS, OPERATIONS_ERROR, PROTOCOL_ERROR,
                    TIME_LIMIT_EXCEEDED, SIZE_LIMIT_EXCEEDED, STRONGER_AUTH_REQUIRED, REFERRAL, CONFIDENTIALITY_REQUIRED,
                    NO_SUCH_OBJECT, INAPPROPRIATE_AUTHENTICATION, INVALID_CREDENTIALS, INSUFFICIENT_ACCESS_RIGHTS, BUSY,
                    UNAVAILABLE, UNWILLING_TO_PERFORM, OTHER)
            .collect(Collectors.toUnmodifiableMap(LdapResultCode::value, Function.identity()));

    private final int value;
    private final String name;

    private LdapResultCode(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * Never throws: an unnamed code becomes {@code UNKNOWN(n)}.
     *
     * @param value the wire value
     * @return the named constant, or a new unknown code
     */
    public static LdapResultCode valueOf(int value) {
        LdapResultCode known = KNOWN.get(value);
        return known != null ? known : new LdapResultCode(value, "UNKNOWN(" + value + ")");
    }

    /** @return the wire value */
    public int value() {
        return value;
    }

    /** @return the RFC 4511 name, e.g. {@code operationsError}, or {@code UNKNOWN(n)} */
    public String name() {
        return name;
    }

    /** @return whether this is {@link #SUCCESS} */
    public boolean isSuccess() {
        return value == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LdapResultCode c && c.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** @return e.g. {@code operationsError (1)} */
    @Override
    public String toString() {
        return name + " (" + value + ")";
    }
}
