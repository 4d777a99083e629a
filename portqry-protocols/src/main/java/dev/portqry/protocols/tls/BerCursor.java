package dev.portqry.protocols.tls;

import dev.portqry.core.ProtocolDecodeException;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of a BER reader (X.690) to read an LDAP rootDSE answer: one-byte tags, definite
 * lengths of at most four octets (RFC 4511 section 5.1 forbids the indefinite form), every
 * length checked against the bytes left. Elements are read in order; there is no nesting
 * recursion, so depth needs no cap.
 */
final class BerCursor {
    static final String PROTOCOL = "LDAP";

    private final byte[] bytes;
    private final int end;
    private int pos;

    BerCursor(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
    }

    /** @return whether an element follows */
    boolean hasMore() {
        return pos < end;
    }

    /** @return the tag of the next element */
    int peekTag() {
        ProtocolDecodeException.check(pos < end, PROTOCOL, "element expected, found end of data");
        return bytes[pos] & 0xff;
    }

    /**
     * Reads the header of an element with {@code tag}.
     *
     * @return a cursor over its contents; this cursor moves past the element
     */
    BerCursor enter(int tag) {
        int length = header(tag);
        BerCursor inner = new BerCursor(bytes, pos, pos + length);
        pos += length;
        return inner;
    }

    /** @return an OCTET STRING (or any primitive with {@code tag}) as UTF-8 text (LDAPString, RFC 4511 4.1.2) */
    String readString(int tag) {
        int length = header(tag);
        String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    /** @return an INTEGER or ENUMERATED ({@code tag}) of at most four octets */
    int readInt(int tag) {
        int length = header(tag);
        ProtocolDecodeException.check(length >= 1 && length <= 4, PROTOCOL, "integer of %d octets", length);
        int v = bytes[pos];
        for (int i = 1; i < length; i++) {
            v = (v << 8) | (bytes[pos + i] & 0xff);
        }
        pos += length;
        return v;
    }

    /** Skips the rest of this element. */
    void skipRest() {
        pos = end;
    }

    /**
     * The total size of the element starting at {@code start}, or -1 when its header is not
     * complete yet: lets a stream reader wait for a whole LDAPMessage.
     *
     * @param bytes the buffered data
     * @param start where the element begins
     * @param available how many bytes are buffered from {@code start}
     * @param cap the largest element accepted
     * @return header plus content length, or -1 for "need more"
     */
    static long elementSize(byte[] bytes, int start, int available, int cap) {
        if (available < 2) {
            return -1;
        }
        int first = bytes[start + 1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int n = first & 0x7f;
        ProtocolDecodeException.check(n != 0, PROTOCOL, "indefinite length (RFC 4511 5.1 forbids it)");
        ProtocolDecodeException.check(n <= 4, PROTOCOL, "length of %d octets", n);
        if (available < 2 + n) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (bytes[start + 2 + i] & 0xff);
        }
        ProtocolDecodeException.check(length <= cap, PROTOCOL, "LDAP message of %d bytes exceeds the cap of %d", length, cap);
        return 2 + n + length;
    }

    private int header(int tag) {
        ProtocolDecodeException.check(pos < end, PROTOCOL, "tag 0x%02x expected, found end of data", tag);
        int actual = bytes[pos] & 0xff;
        ProtocolDecodeException.check(actual == tag, PROTOCOL, "tag 0x%02x expected, found 0x%02x", tag, actual);
        long size = elementSize(bytes, pos, end - pos, Integer.MAX_VALUE);
        ProtocolDecodeException.check(size >= 0 && size <= end - pos, PROTOCOL, "element with tag 0x%02x runs past its container", tag);
        int headerSize = 2 + ((bytes[pos + 1] & 0x80) != 0 ? bytes[pos + 1] & 0x7f : 0);
        int length = (int) (size - headerSize);
        pos += headerSize;
        return length;
    }
}
