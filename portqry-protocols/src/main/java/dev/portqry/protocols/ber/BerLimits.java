package dev.portqry.protocols.ber;

/**
 * Caps a {@link BerReader} enforces so that a hostile length or nesting cannot make it allocate
 * or recurse without bound. Immutable.
 *
 * @param maxLength the largest declared length of one element, in bytes, at least 1
 * @param maxDepth the deepest nesting of constructed elements, at least 1
 */
public record BerLimits(int maxLength, int maxDepth) {
    /** Default cap on one element: 16 MiB. */
    public static final int DEFAULT_MAX_LENGTH = 16 << 20;
    /** Default nesting cap: 32 levels, far beyond what LDAP, SNMP or Kerberos messages use. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** {@link #DEFAULT_MAX_LENGTH} and {@link #DEFAULT_MAX_DEPTH}. */
    public static final BerLimits DEFAULT = new BerLimits(DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);

    /** Validates the caps. */
    public BerLimits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
    }

    /**
     * @param maxLength the new cap on one element's length
     * @return these limits with another length cap
     */
    public BerLimits withMaxLength(int maxLength) {
        return new BerLimits(maxLength, maxDepth);
    }

    /**
     * @param maxDepth the new nesting cap
     * @return these limits with another nesting cap
     */
    public BerLimits withMaxDepth(int maxDepth) {
        return new BerLimits(maxLength, maxDepth);
    }
}
