package dev.portqry.protocols.ber;

/** The two class bits of a BER identifier octet (X.690 8.1.2.2, table 1). */
public enum BerTagClass {
    /** Types defined in X.680 itself: INTEGER, SEQUENCE and so on. */
    UNIVERSAL,
    /** Types of one application, e.g. LDAP's {@code [APPLICATION 4]} SearchResultEntry. */
    APPLICATION,
    /** Tags that only mean something inside their enclosing type, e.g. {@code [0]} controls. */
    CONTEXT,
    /** Tags of private agreements. */
    PRIVATE;

    /**
     * @param bits the two high bits of the identifier octet, 0-3
     * @return the class
     */
    static BerTagClass ofBits(int bits) {
        return values()[bits & 3];
    }

    /** @return the class bits placed in an identifier octet (0x00, 0x40, 0x80 or 0xC0) */
    int identifierBits() {
        return ordinal() << 6;
    }
}
