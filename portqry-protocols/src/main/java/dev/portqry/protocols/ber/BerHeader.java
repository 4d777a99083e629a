package dev.portqry.protocols.ber;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The identifier and length octets of one TLV, parsed without trusting them: a header that is
 * cut short is "need more bytes" ({@code null}), a header that is wrong is a decode error.
 *
 * @param tag the tag
 * @param index absolute index of the identifier octet in the buffer
 * @param headerLength bytes of identifier and length octets
 * @param length the declared contents length, already checked against the cap
 */
record BerHeader(BerTag tag, int index, int headerLength, int length) {
    /** Longest length field accepted: 4 octets, enough for any length an int can hold. */
    private static final int MAX_LENGTH_OCTETS = 4;
    /** Longest high-tag-number field accepted, matching {@link BerTag#MAX_NUMBER}. */
    private static final int MAX_TAG_OCTETS = 4;

    /** @return absolute index of the first contents octet */
    int valueIndex() {
        return index + headerLength;
    }

    /** @return absolute index just past the contents */
    int endIndex() {
        return valueIndex() + length;
    }

    /**
     * Parses the header at {@code index}.
     *
     * @param buf the bytes, not null
     * @param index absolute index of the identifier octet
     * @param end absolute index past the last readable byte
     * @param origin absolute index that error offsets count from
     * @param limits the caps
     * @param protocol the protocol named in errors
     * @return the header, or null when the header itself is not complete before {@code end}
     * @throws ProtocolDecodeException for an indefinite or reserved length, an over-long length
     *         or tag field, a non-minimal tag number, or a length above the cap
     */
    static BerHeader parse(ByteBuf buf, int index, int end, int origin, BerLimits limits, String protocol) {
        int p = index;
        if (p >= end) {
            return null;
        }
        int first = buf.getUnsignedByte(p++);
        int number = first & 0x1f;
        if (number == 0x1f) {
            // High-tag-number form, X.690 8.1.2.4: base-128 digits, no leading 0x80 digit.
            number = 0;
            for (int count = 1; ; count++) {
                if (p >= end) {
                    return null;
                }
                int digit = buf.getUnsignedByte(p++);
                check(count > 1 || digit != 0x80, protocol, "non-minimal tag number at offset %d (X.690 8.1.2.4.2)", index - origin);
                check(count <= MAX_TAG_OCTETS, protocol, "tag number longer than %d octets at offset %d", MAX_TAG_OCTETS, index - origin);
                number = (number << 7) | (digit & 0x7f);
                if ((digit & 0x80) == 0) {
                    break;
                }
            }
            check(number >= 31, protocol, "tag number %d in the long form at offset %d (X.690 8.1.2.2)", number, index - origin);
        }
        if (p >= end) {
            return null;
        }
        int lengthOctet = buf.getUnsignedByte(p++);
        long length;
        if (lengthOctet < 0x80) {
            length = lengthOctet;
        } else {
            // 0x80 is the indefinite form (X.690 8.1.3.6), which LDAP forbids (RFC 4511 section 5.1).
            check(lengthOctet != 0x80, protocol, "indefinite length at offset %d: only definite lengths are accepted", index - origin);
            check(lengthOctet != 0xff, protocol, "reserved length octet 0xFF at offset %d (X.690 8.1.3.5)", index - origin);
            int octets = lengthOctet & 0x7f;
            check(octets <= MAX_LENGTH_OCTETS, protocol, "length field of %d octets at offset %d exceeds the cap of %d",
                    octets, index - origin, MAX_LENGTH_OCTETS);
            if (end - p < octets) {
                return null;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | buf.getUnsignedByte(p++);
            }
        }
        check(length <= limits.maxLength(), protocol, "declared length %d at offset %d exceeds the cap of %d bytes",
                length, index - origin, limits.maxLength());
        BerTag tag = new BerTag(BerTagClass.ofBits(first >>> 6), (first & 0x20) != 0, number);
        return new BerHeader(tag, index, p - index, (int) length);
    }

    private static void check(boolean condition, String protocol, String format, Object... args) {
        ProtocolDecodeException.check(condition, protocol, format, args);
    }
}
