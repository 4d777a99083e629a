package dev.portqry.protocols.ber;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Builds BER encodings with definite, minimal lengths (the DER subset of X.690 that every BER
 * reader accepts): open a constructed element with {@link #start(BerTag)}, write its members,
 * close it with {@link #end()}. Not thread-safe; one writer per message.
 *
 * <pre>{@code
 * byte[] msg = new BerWriter()
 *         .startSequence().writeInteger(1).start(BerTag.application(2, false)).end().end()
 *         .toByteArray();
 * }</pre>
 */
public final class BerWriter {
    private final Deque<Open> open = new ArrayDeque<>();
    private ByteArrayOutputStream out = new ByteArrayOutputStream();

    private record Open(BerTag tag, ByteArrayOutputStream parent) {
    }

    /**
     * Opens a constructed element; its length is written when it is {@link #end() ended}.
     *
     * @param tag a constructed tag, not null
     * @return this writer
     */
    public BerWriter start(BerTag tag) {
        if (!tag.constructed()) {
            throw new IllegalArgumentException("tag must be constructed, was " + tag);
        }
        open.push(new Open(tag, out));
        out = new ByteArrayOutputStream();
        return this;
    }

    /** @return this writer, inside a new SEQUENCE */
    public BerWriter startSequence() {
        return start(BerTag.SEQUENCE);
    }

    /** @return this writer, inside a new SET */
    public BerWriter startSet() {
        return start(BerTag.SET);
    }

    /**
     * Closes the innermost open element.
     *
     * @return this writer
     * @throws IllegalStateException when no element is open
     */
    public BerWriter end() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no open element to end");
        }
        Open o = open.pop();
        byte[] contents = out.toByteArray();
        out = o.parent();
        writeTlv(o.tag(), contents);
        return this;
    }

    /**
     * @param tag a primitive tag, not null
     * @param contents the contents octets, not null
     * @return this writer
     */
    public BerWriter writePrimitive(BerTag tag, byte[] contents) {
        if (tag.constructed()) {
            throw new IllegalArgumentException("tag must be primitive, was " + tag);
        }
        writeTlv(tag, Objects.requireNonNull(contents, "contents"));
        return this;
    }

    /**
     * Writes an element whose contents are already encoded, e.g. one read with
     * {@link BerReader#readContents(BerTag)}.
     *
     * @param tag the tag, primitive or constructed; not null
     * @param contents the contents octets, not null
     * @return this writer
     */
    public BerWriter writeContents(BerTag tag, byte[] contents) {
        writeTlv(Objects.requireNonNull(tag, "tag"), Objects.requireNonNull(contents, "contents").clone());
        return this;
    }

    /**
     * @param tag the tag (INTEGER, ENUMERATED or an implicit tag); primitive
     * @param value the value, written in the fewest two's-complement octets (X.690 8.3.2)
     * @return this writer
     */
    public BerWriter writeInteger(BerTag tag, long value) {
        return writePrimitive(tag, BigInteger.valueOf(value).toByteArray());
    }

    /**
     * @param value an INTEGER
     * @return this writer
     */
    public BerWriter writeInteger(long value) {
        return writeInteger(BerTag.INTEGER, value);
    }

    /**
     * @param tag the tag; primitive
     * @param value the value, not null
     * @return this writer
     */
    public BerWriter writeBigInteger(BerTag tag, BigInteger value) {
        return writePrimitive(tag, value.toByteArray());
    }

    /**
     * @param value an ENUMERATED
     * @return this writer
     */
    public BerWriter writeEnumerated(int value) {
        return writeInteger(BerTag.ENUMERATED, value);
    }

    /**
     * @param tag the tag; primitive
     * @param value written as 0xFF or 0x00 (X.690 11.1, valid BER as well)
     * @return this writer
     */
    public BerWriter writeBoolean(BerTag tag, boolean value) {
        return writePrimitive(tag, new byte[] {(byte) (value ? 0xff : 0)});
    }

    /**
     * @param value a BOOLEAN
     * @return this writer
     */
    public BerWriter writeBoolean(boolean value) {
        return writeBoolean(BerTag.BOOLEAN, value);
    }

    /** @return this writer, after a NULL */
    public BerWriter writeNull() {
        return writePrimitive(BerTag.NULL, new byte[0]);
    }

    /**
     * @param tag the tag; primitive
     * @param value the octets, not null
     * @return this writer
     */
    public BerWriter writeOctetString(BerTag tag, byte[] value) {
        return writePrimitive(tag, value.clone());
    }

    /**
     * @param value an OCTET STRING's octets, not null
     * @return this writer
     */
    public BerWriter writeOctetString(byte[] value) {
        return writeOctetString(BerTag.OCTET_STRING, value);
    }

    /**
     * @param tag the tag; primitive
     * @param value text written as UTF-8, not null
     * @return this writer
     */
    public BerWriter writeUtf8(BerTag tag, String value) {
        return writePrimitive(tag, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param value text written as a UTF-8 OCTET STRING, not null
     * @return this writer
     */
    public BerWriter writeUtf8(String value) {
        return writeUtf8(BerTag.OCTET_STRING, value);
    }

    /**
     * @param tag the tag; primitive
     * @param dotted an OID such as {@code 1.3.6.1.2.1.1.1.0}
     * @return this writer
     * @throws IllegalArgumentException when the OID is not valid
     */
    public BerWriter writeOid(BerTag tag, String dotted) {
        return writePrimitive(tag, BerOid.encode(dotted));
    }

    /**
     * @param dotted an OBJECT IDENTIFIER such as {@code 1.3.6.1.2.1.1.1.0}
     * @return this writer
     */
    public BerWriter writeOid(String dotted) {
        return writeOid(BerTag.OBJECT_IDENTIFIER, dotted);
    }

    /**
     * @return the encoding
     * @throws IllegalStateException when an element is still open
     */
    public byte[] toByteArray() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " element(s) still open, innermost " + open.peek().tag());
        }
        return out.toByteArray();
    }

    /**
     * @param alloc the allocator, not null
     * @return a new buffer holding the encoding; the caller owns it
     */
    public ByteBuf toByteBuf(ByteBufAllocator alloc) {
        byte[] bytes = toByteArray();
        return alloc.buffer(bytes.length).writeBytes(bytes);
    }

    private void writeTlv(BerTag tag, byte[] contents) {
        tag.writeTo(out);
        writeLength(contents.length);
        out.writeBytes(contents);
    }

    private void writeLength(int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        out.write(0x80 | octets);
        for (int i = octets - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }

    @Override
    public String toString() {
        return "BerWriter[" + out.size() + " bytes at depth " + open.size() + "]";
    }
}
