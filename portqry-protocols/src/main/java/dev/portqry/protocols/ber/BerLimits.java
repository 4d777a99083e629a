package dev.portqry.protocols.ber;

/**
 * Caps a {@link BerReader} enforces so that a hostile length, nesting or OBJECT IDENTIFIER
 * cannot make it allocate or recurse without bound. Immutable.
 *
 * @param maxLength the largest declared length of one element, in bytes, at least 1
 * @param maxDepth the deepest nesting of constructed elements, at least 1
 * @param maxOidArcs the most arcs one OBJECT IDENTIFIER may have, at least 2
 */
public record BerLimits(int maxLength, int maxDepth, int maxOidArcs) {
    /** Default cap on one element: 16 MiB. */
    public static final int DEFAULT_MAX_LENGTH = 16 << 20;
    /** Default nesting cap: 32 levels, far beyond what LDAP, SNMP or Kerberos messages use. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Default arc cap: 128, the most sub-identifiers an SMI OID may have (RFC 2578 section 3.5). */
    public static final int DEFAULT_MAX_OID_ARCS = 128;
    /** {@link #DEFAULT_MAX_LENGTH}, {@link #DEFAULT_MAX_DEPTH} and {@link #DEFAULT_MAX_OID_ARCS}. */
    public static final BerLimits DEFAULT = new BerLimits(DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH, DEFAULT_MAX_OID_ARCS);

    /** Validates the caps. */
    public BerLimits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
        if (maxOidArcs < 2) {
            throw new IllegalArgumentException("maxOidArcs must be at least 2, was " + maxOidArcs);
        }
    }

    /**
     * @param maxLength the largest declared length of one element, in bytes, at least 1
     * @param maxDepth the deepest nesting of constructed elements, at least 1
     */
    public BerLimits(int maxLength, int maxDepth) {
        this(maxLength, maxDepth, DEFAULT_MAX_OID_ARCS);
    }

    /**
     * @param maxLength the new cap on one element's length
     * @return these limits with another length cap
     */
    public BerLimits withMaxLength(int maxLength) {
        return new BerLimits(maxLength, maxDepth, maxOidArcs);
    }

    /**
     * @param maxDepth the new nesting cap
     * @return these limits with another nesting cap
     */
    public BerLimits withMaxDepth(int maxDepth) {
        return new BerLimits(maxLength, maxDepth, maxOidArcs);
    }

    /**
     * @param maxOidArcs the new cap on the arcs of one OBJECT IDENTIFIER
     * @return these limits with another arc cap
     */
    public BerLimits withMaxOidArcs(int maxOidArcs) {
        return new BerLimits(maxLength, maxDepth, maxOidArcs);
    }
}
