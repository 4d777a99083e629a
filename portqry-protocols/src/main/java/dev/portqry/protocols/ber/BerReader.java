package dev.portqry.protocols.ber;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads BER elements one after another from a bounded region of a buffer, strictly: every tag
 * is checked, every length is checked against what is left and against {@link BerLimits}, and
 * nesting is capped. It reads with absolute indices and never moves the buffer's reader index;
 * it copies what it returns, so results outlive the buffer. Not thread-safe.
 *
 * <p>Every malformed input throws {@link ProtocolDecodeException} naming the protocol given at
 * construction and the offset of the element from the start of the outermost region.
 */
public final class BerReader {
    private final ByteBuf buf;
    private final int origin;
    private final int end;
    private final int depth;
    private final BerLimits limits;
    private final String protocol;
    private int pos;

    private BerReader(ByteBuf buf, int origin, int start, int end, int depth, BerLimits limits, String protocol) {
        this.buf = buf;
        this.origin = origin;
        this.pos = start;
        this.end = end;
        this.depth = depth;
        this.limits = limits;
        this.protocol = protocol;
    }

    /**
     * @param buf the bytes, from its reader index to its writer index; not null, not retained
     * @param protocol the protocol named in errors, e.g. {@code LDAP}
     * @return a reader with {@link BerLimits#DEFAULT}
     */
    public static BerReader of(ByteBuf buf, String protocol) {
        return of(buf, protocol, BerLimits.DEFAULT);
    }

    /**
     * @param buf the bytes, from its reader index to its writer index; not null, not retained
     * @param protocol the protocol named in errors, e.g. {@code LDAP}
     * @param limits the caps, not null
     * @return a reader over the readable bytes
     */
    public static BerReader of(ByteBuf buf, String protocol, BerLimits limits) {
        return of(buf, buf.readerIndex(), buf.readableBytes(), protocol, limits);
    }

    /**
     * @param buf the bytes; not null, not retained
     * @param index absolute index of the first byte to read
     * @param length how many bytes the region holds
     * @param protocol the protocol named in errors
     * @param limits the caps, not null
     * @return a reader over {@code buf[index, index + length)}
     * @throws IndexOutOfBoundsException when the region is not inside the buffer
     */
    public static BerReader of(ByteBuf buf, int index, int length, String protocol, BerLimits limits) {
        Objects.requireNonNull(buf, "buf");
        if (index < 0 || length < 0 || index + length > buf.writerIndex() || index + length < 0) {
            throw new IndexOutOfBoundsException("region " + index + "+" + length + " outside " + buf);
        }
        return new BerReader(buf, index, index, index + length, 0,
                Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(protocol, "protocol"));
    }

    /**
     * How many bytes the complete element starting at the buffer's reader index takes: the way to
     * frame BER messages on a stream (e.g. LDAPMessages over TCP, RFC 4511 section 5.1).
     *
     * @param buf the received bytes; not null, not modified
     * @param protocol the protocol named in errors
     * @param limits the caps, not null
     * @return the element's total length (header and contents), or -1 when more bytes are needed
     * @throws ProtocolDecodeException when the header is malformed or declares too much
     */
    public static int elementLength(ByteBuf buf, String protocol, BerLimits limits) {
        int start = buf.readerIndex();
        BerHeader h = BerHeader.parse(buf, start, buf.writerIndex(), start, limits, protocol);
        if (h == null || (long) h.headerLength() + h.length() > buf.readableBytes()) {
            return -1;
        }
        return h.headerLength() + h.length();
    }

    /** @return whether another element follows in this region */
    public boolean hasRemaining() {
        return pos < end;
    }

    /** @return the unread bytes in this region */
    public int remaining() {
        return end - pos;
    }

    /** @return the offset of the next element from the start of the outermost region */
    public int offset() {
        return pos - origin;
    }

    /** @return how many constructed elements enclose this region (0 for the outermost) */
    public int depth() {
        return depth;
    }

    /** @return the protocol named in errors */
    public String protocol() {
        return protocol;
    }

    /**
     * @return the tag of the next element, without consuming it
     * @throws ProtocolDecodeException when no element follows or its header is malformed
     */
    public BerTag peekTag() {
        return header().tag();
    }

    /**
     * Consumes a constructed element and returns a reader over its contents, one level deeper.
     *
     * @param tag the expected tag, constructed; not null
     * @return a reader bounded by the element's contents
     * @throws ProtocolDecodeException for another tag, or nesting deeper than the cap
     */
    public BerReader readConstructed(BerTag tag) {
        if (!tag.constructed()) {
            throw new IllegalArgumentException("tag must be constructed, was " + tag);
        }
        BerHeader h = expect(tag);
        check(depth < limits.maxDepth(), "nesting deeper than %d levels at offset %d", limits.maxDepth(), h.index() - origin);
        pos = h.endIndex();
        return new BerReader(buf, origin, h.valueIndex(), h.endIndex(), depth + 1, limits, protocol);
    }

    /** @return a reader over the next SEQUENCE's contents (see {@link #readConstructed(BerTag)}) */
    public BerReader readSequence() {
        return readConstructed(BerTag.SEQUENCE);
    }

    /** @return a reader over the next SET's contents (see {@link #readConstructed(BerTag)}) */
    public BerReader readSet() {
        return readConstructed(BerTag.SET);
    }

    /**
     * @param tag the expected tag, primitive; not null
     * @return a copy of the contents octets
     */
    public byte[] readPrimitive(BerTag tag) {
        return copy(expectPrimitive(tag));
    }

    /**
     * Consumes an element of either form without parsing inside it: for elements kept opaque,
     * such as an unknown protocol operation.
     *
     * @param tag the expected tag, not null
     * @return a copy of the contents octets (for a constructed tag, the encoded members)
     */
    public byte[] readContents(BerTag tag) {
        BerHeader h = expect(tag);
        pos = h.endIndex();
        return copy(h);
    }

    private byte[] copy(BerHeader h) {
        byte[] out = new byte[h.length()];
        buf.getBytes(h.valueIndex(), out);
        return out;
    }

    /** @return the next OCTET STRING's contents */
    public byte[] readOctetString() {
        return readPrimitive(BerTag.OCTET_STRING);
    }

    /**
     * @param tag the expected tag, e.g. an implicit context tag; primitive
     * @return the contents decoded as strict UTF-8 (LDAPString, RFC 4511 section 4.1.2)
     * @throws ProtocolDecodeException when the contents are not valid UTF-8
     */
    public String readUtf8(BerTag tag) {
        BerHeader h = expectPrimitive(tag);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf.nioBuffer(h.valueIndex(), h.length())).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolDecodeException(protocol, "invalid UTF-8 in " + tag + " at offset " + (h.index() - origin), e);
        }
    }

    /** @return the next OCTET STRING as strict UTF-8 */
    public String readUtf8() {
        return readUtf8(BerTag.OCTET_STRING);
    }

    /**
     * @param tag the expected tag (INTEGER, ENUMERATED or an implicit tag); primitive
     * @return the two's-complement value (X.690 8.3)
     * @throws ProtocolDecodeException when the contents are empty or longer than 8 octets
     */
    public long readLong(BerTag tag) {
        BerHeader h = expectPrimitive(tag);
        check(h.length() >= 1 && h.length() <= 8, "%s of %d octets at offset %d (1-8 expected)", tag, h.length(), h.index() - origin);
        long v = buf.getByte(h.valueIndex());
        for (int i = 1; i < h.length(); i++) {
            v = (v << 8) | buf.getUnsignedByte(h.valueIndex() + i);
        }
        return v;
    }

    /** @return the next INTEGER, which must fit in a long */
    public long readInteger() {
        return readLong(BerTag.INTEGER);
    }

    /**
     * @param tag the expected tag; primitive
     * @return the value, which must fit in an int
     */
    public int readInt(BerTag tag) {
        int at = offset();
        long v = readLong(tag);
        check(v == (int) v, "%s value %d at offset %d does not fit in 32 bits", tag, v, at);
        return (int) v;
    }

    /** @return the next INTEGER, which must fit in an int */
    public int readInt() {
        return readInt(BerTag.INTEGER);
    }

    /** @return the next ENUMERATED, which must fit in an int */
    public int readEnumerated() {
        return readInt(BerTag.ENUMERATED);
    }

    /**
     * @param tag the expected tag (e.g. an SNMP Counter64 application tag); primitive
     * @return the two's-complement value of any length up to the cap
     */
    public BigInteger readBigInteger(BerTag tag) {
        int at = offset();
        byte[] v = readPrimitive(tag);
        check(v.length > 0, "empty %s at offset %d", tag, at);
        return new BigInteger(v);
    }

    /**
     * @param tag the expected tag; primitive
     * @return false for 0x00, true for any other single octet (X.690 8.2.2)
     */
    public boolean readBoolean(BerTag tag) {
        BerHeader h = expectPrimitive(tag);
        check(h.length() == 1, "BOOLEAN of %d octets at offset %d (1 expected)", h.length(), h.index() - origin);
        return buf.getByte(h.valueIndex()) != 0;
    }

    /** @return the next BOOLEAN */
    public boolean readBoolean() {
        return readBoolean(BerTag.BOOLEAN);
    }

    /** Consumes a NULL, whose contents must be empty (X.690 8.8). */
    public void readNull() {
        BerHeader h = expectPrimitive(BerTag.NULL);
        check(h.length() == 0, "NULL of %d octets at offset %d", h.length(), h.index() - origin);
    }

    /**
     * @param tag the expected tag; primitive
     * @return the OBJECT IDENTIFIER in dotted form, e.g. {@code 1.3.6.1.2.1.1.1.0}
     */
    public String readOid(BerTag tag) {
        BerHeader h = expectPrimitive(tag);
        return BerOid.decode(buf, h.valueIndex(), h.length(), h.index() - origin, protocol);
    }

    /** @return the next OBJECT IDENTIFIER in dotted form */
    public String readOid() {
        return readOid(BerTag.OBJECT_IDENTIFIER);
    }

    /**
     * Consumes the next element whatever it is (its contents are bounds-checked, not parsed).
     *
     * @return its tag
     */
    public BerTag skip() {
        BerHeader h = header();
        pos = h.endIndex();
        return h.tag();
    }

    /**
     * Checks that the region was read to its end: BER gives no room for trailing bytes.
     *
     * @param what the enclosing structure, for the message, e.g. {@code LDAPMessage}
     * @throws ProtocolDecodeException when bytes are left
     */
    public void expectEnd(String what) {
        check(pos == end, "%d unexpected bytes at offset %d at the end of %s", end - pos, pos - origin, what);
    }

    private BerHeader header() {
        check(pos < end, "element expected at offset %d, but the enclosing structure ends there", pos - origin);
        BerHeader h = BerHeader.parse(buf, pos, end, origin, limits, protocol);
        check(h != null, "truncated element header at offset %d", pos - origin);
        check(h.length() <= end - h.valueIndex(), "declared length %d at offset %d runs past the end (%d bytes left)",
                h.length(), pos - origin, end - h.valueIndex());
        return h;
    }

    private BerHeader expect(BerTag tag) {
        BerHeader h = header();
        check(h.tag().equals(tag), "expected %s at offset %d, found %s", tag, pos - origin, h.tag());
        return h;
    }

    private BerHeader expectPrimitive(BerTag tag) {
        if (tag.constructed()) {
            throw new IllegalArgumentException("tag must be primitive, was " + tag);
        }
        BerHeader h = expect(tag);
        pos = h.endIndex();
        return h;
    }

    private void check(boolean condition, String format, Object... args) {
        ProtocolDecodeException.check(condition, protocol, format, args);
    }

    @Override
    public String toString() {
        return "BerReader[" + protocol + ", offset " + offset() + ", " + remaining() + " bytes left, depth " + depth + "]";
    }
}
