package dev.portqry.protocols.ber;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * A BER tag: class, primitive or constructed, and number (X.690 8.1.2). Numbers of 31 and above
 * use the high-tag-number form (X.690 8.1.2.4). Immutable.
 *
 * @param tagClass the class, not null
 * @param constructed whether the contents are themselves TLVs
 * @param number the tag number, 0 to {@link #MAX_NUMBER}
 */
public record BerTag(BerTagClass tagClass, boolean constructed, int number) {
    /** Largest tag number this codec reads or writes: four base-128 octets. */
    public static final int MAX_NUMBER = (1 << 28) - 1;

    /** UNIVERSAL 1, primitive. */
    public static final BerTag BOOLEAN = universal(1, false);
    /** UNIVERSAL 2, primitive. */
    public static final BerTag INTEGER = universal(2, false);
    /** UNIVERSAL 4, primitive (the constructed form of X.690 8.7.1 is not accepted). */
    public static final BerTag OCTET_STRING = universal(4, false);
    /** UNIVERSAL 5, primitive. */
    public static final BerTag NULL = universal(5, false);
    /** UNIVERSAL 6, primitive. */
    public static final BerTag OBJECT_IDENTIFIER = universal(6, false);
    /** UNIVERSAL 10, primitive. */
    public static final BerTag ENUMERATED = universal(10, false);
    /** UNIVERSAL 16, constructed (SEQUENCE and SEQUENCE OF). */
    public static final BerTag SEQUENCE = universal(16, true);
    /** UNIVERSAL 17, constructed (SET and SET OF). */
    public static final BerTag SET = universal(17, true);

    /** Validates the tag. */
    public BerTag {
        Objects.requireNonNull(tagClass, "tagClass");
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("tag number must be 0-" + MAX_NUMBER + ", was " + number);
        }
    }

    /**
     * @param number the tag number
     * @param constructed whether the contents are TLVs
     * @return a UNIVERSAL tag
     */
    public static BerTag universal(int number, boolean constructed) {
        return new BerTag(BerTagClass.UNIVERSAL, constructed, number);
    }

    /**
     * @param number the tag number, e.g. 3 for LDAP's SearchRequest
     * @param constructed whether the contents are TLVs
     * @return an APPLICATION tag
     */
    public static BerTag application(int number, boolean constructed) {
        return new BerTag(BerTagClass.APPLICATION, constructed, number);
    }

    /**
     * @param number the tag number, e.g. 7 for LDAP's present filter
     * @param constructed whether the contents are TLVs
     * @return a context-specific tag
     */
    public static BerTag context(int number, boolean constructed) {
        return new BerTag(BerTagClass.CONTEXT, constructed, number);
    }

    /** @return this tag with the primitive/constructed bit flipped to constructed */
    public BerTag asConstructed() {
        return constructed ? this : new BerTag(tagClass, true, number);
    }

    /**
     * Writes the identifier octets (X.690 8.1.2).
     *
     * @param out where to write, not null
     */
    void writeTo(ByteArrayOutputStream out) {
        int first = tagClass.identifierBits() | (constructed ? 0x20 : 0);
        if (number < 31) {
            out.write(first | number);
            return;
        }
        out.write(first | 0x1f);
        for (int shift = 21; shift > 0; shift -= 7) {
            if (number >>> shift != 0) {
                out.write(0x80 | ((number >>> shift) & 0x7f));
            }
        }
        out.write(number & 0x7f);
    }

    @Override
    public String toString() {
        if (tagClass == BerTagClass.UNIVERSAL) {
            String name = switch (number) {
                case 1 -> "BOOLEAN";
                case 2 -> "INTEGER";
                case 4 -> "OCTET STRING";
                case 5 -> "NULL";
                case 6 -> "OBJECT IDENTIFIER";
                case 10 -> "ENUMERATED";
                case 16 -> "SEQUENCE";
                case 17 -> "SET";
                default -> null;
            };
            if (name != null) {
                return name + (constructed == (number >= 16) ? "" : constructed ? " (constructed)" : " (primitive)");
            }
        }
        return "[" + (tagClass == BerTagClass.CONTEXT ? "" : tagClass + " ") + number + "]"
                + (constructed ? " constructed" : " primitive");
    }
}
