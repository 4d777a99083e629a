package dev.portqry.protocols.kerberos;

import dev.portqry.core.ProtocolDecodeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A strict reader of the DER subset Kerberos uses (RFC 4120 section 5.1, X.690 DER): one-byte
 * tags, definite lengths of at most four length octets, nesting at most {@link #MAX_DEPTH}
 * deep. Every length is checked against the bytes actually left in the enclosing element
 * before anything is read, so a lying length field can never read past the end or allocate.
 */
final class DerReader {
    /** Deepest nesting a Kerberos reply needs is about 8 (KRB-ERROR, e-data, PA-DATA, ETYPE-INFO2). */
    static final int MAX_DEPTH = 16;
    static final String PROTOCOL = "Kerberos";

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int GENERALIZED_TIME = 0x18;
    static final int GENERAL_STRING = 0x1b;
    static final int SEQUENCE = 0x30;

    private static final DateTimeFormatter KERBEROS_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'");

    private final byte[] bytes;
    private final int end;
    private final int depth;
    private int pos;

    private DerReader(byte[] bytes, int start, int end, int depth) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
        this.depth = depth;
    }

    /** @return a reader over the whole array (not copied: the caller must not change it) */
    static DerReader of(byte[] bytes) {
        return new DerReader(bytes, 0, bytes.length, 0);
    }

    /** @return whether another element follows in this element */
    boolean hasMore() {
        return pos < end;
    }

    /** @return the tag of the next element; throws when there is none */
    int peekTag() {
        checkThat(pos < end, "element expected, found end of data");
        return bytes[pos] & 0xff;
    }

    /** @return whether the next element exists and has {@code tag} */
    boolean nextIs(int tag) {
        return pos < end && (bytes[pos] & 0xff) == tag;
    }

    /**
     * Reads an element with {@code tag} and returns a reader over its contents.
     *
     * @param tag the expected tag octet, e.g. {@code 0x30} or {@code 0xa1} for [1] EXPLICIT
     * @return a reader over the contents, one level deeper
     */
    DerReader enter(int tag) {
        checkThat(depth < MAX_DEPTH, "nesting deeper than %d", MAX_DEPTH);
        int length = header(tag);
        DerReader inner = new DerReader(bytes, pos, pos + length, depth + 1);
        pos += length;
        return inner;
    }

    /** Reads context tag [n] EXPLICIT and returns a reader over what it wraps. */
    DerReader field(int n) {
        return enter(0xa0 | n);
    }

    /** Skips one element of any tag. */
    void skip() {
        checkThat(pos < end, "element expected, found end of data");
        int length = header(bytes[pos] & 0xff);
        pos += length;
    }

    /** @return the contents of an element with {@code tag}, copied */
    byte[] readBytes(int tag) {
        int length = header(tag);
        byte[] out = new byte[length];
        System.arraycopy(bytes, pos, out, 0, length);
        pos += length;
        return out;
    }

    /** @return an Int32 INTEGER (RFC 4120 5.2.4) */
    int readInt() {
        long v = readLong();
        checkThat(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE, "INTEGER %d does not fit in Int32", v);
        return (int) v;
    }

    /** @return an INTEGER of at most five content octets (covers Int32 and UInt32) */
    long readLong() {
        int length = header(INTEGER);
        checkThat(length >= 1 && length <= 5, "INTEGER of %d octets", length);
        long v = bytes[pos];
        for (int i = 1; i < length; i++) {
            v = (v << 8) | (bytes[pos + i] & 0xff);
        }
        pos += length;
        return v;
    }

    /** @return a GeneralString (KerberosString, RFC 4120 5.2.1: IA5 in practice; UTF-8 accepted) */
    String readString() {
        return new String(readBytes(GENERAL_STRING), StandardCharsets.UTF_8);
    }

    /** @return a KerberosTime: GeneralizedTime {@code YYYYMMDDHHMMSSZ} (RFC 4120 5.2.3) */
    Instant readTime() {
        String s = new String(readBytes(GENERALIZED_TIME), StandardCharsets.US_ASCII);
        try {
            return LocalDateTime.parse(s, KERBEROS_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ProtocolDecodeException(PROTOCOL, "KerberosTime is not YYYYMMDDHHMMSSZ: " + s);
        }
    }

    /** Requires that this element has no bytes left: fixed structures have exact sizes. */
    void expectEnd() {
        checkThat(pos == end, "%d unexpected bytes after the last element", end - pos);
    }

    private int header(int tag) {
        checkThat(pos < end, "tag 0x%02x expected, found end of data", tag);
        int actual = bytes[pos] & 0xff;
        checkThat(actual == tag, "tag 0x%02x expected, found 0x%02x", tag, actual);
        checkThat(pos + 1 < end, "length missing after tag 0x%02x", tag);
        int first = bytes[pos + 1] & 0xff;
        int p = pos + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            // X.690 8.1.3.6: 0x80 is the indefinite form, which DER (and RFC 4120) forbids.
            checkThat(n != 0, "indefinite length is not DER");
            checkThat(n <= 4, "length of %d octets", n);
            checkThat(p + n <= end, "length octets past the end");
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (bytes[p + i] & 0xff);
            }
            p += n;
        }
        checkThat(length <= end - p, "length %d of tag 0x%02x exceeds the %d bytes left", length, tag, end - p);
        pos = p;
        return (int) length;
    }

    /** Throws a Kerberos decode exception unless {@code condition} holds; for the message decoders. */
    static void checkThat(boolean condition, String format, Object... args) {
        ProtocolDecodeException.check(condition, PROTOCOL, format, args);
    }
}
