package dev.portqry.protocols.snmp;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.math.BigInteger;

/**
 * A strict reader of the BER subset SNMP uses (X.690 8.1): one-byte tags, definite lengths only
 * (short or long form up to {@link #MAX_LENGTH}), constructed values nested at most
 * {@link #MAX_DEPTH} deep. Every length is checked against the bytes before it is used; nothing
 * is allocated from a declared length before that check.
 */
final class BerReader {
    /** Longest value accepted: an SNMP message never exceeds a UDP datagram. */
    static final int MAX_LENGTH = 65_535;
    /** Deepest nesting accepted: message, PDU, varbind list, varbind, value is 5. */
    static final int MAX_DEPTH = 8;
    /** RFC 2578 3.5: at most 128 sub-identifiers. */
    static final int MAX_OID_ARCS = 128;
    private static final String PROTO = "SNMP";

    private final ByteBuf in;
    private final int depth;

    BerReader(ByteBuf in) {
        this(in, 0);
    }

    private BerReader(ByteBuf in, int depth) {
        this.in = in;
        this.depth = depth;
    }

    boolean hasMore() {
        return in.isReadable();
    }

    int peekTag() {
        ProtocolDecodeException.check(in.isReadable(), PROTO, "value expected but the data ends");
        return in.getUnsignedByte(in.readerIndex());
    }

    /** Reads a constructed value with {@code tag} and returns a reader over its contents. */
    BerReader constructed(int tag) {
        ProtocolDecodeException.check(depth < MAX_DEPTH, PROTO, "values nested deeper than %d", MAX_DEPTH);
        return new BerReader(value(tag), depth + 1);
    }

    /** Reads the tag and length of any value with a one-byte tag and returns its contents. */
    ByteBuf value(int expectedTag) {
        int tag = readTag();
        ProtocolDecodeException.check(tag == expectedTag, PROTO, "tag 0x%02x where 0x%02x was expected", tag, expectedTag);
        return contents();
    }

    /** After {@link #readTag()}: reads the length and returns that many bytes of contents. */
    ByteBuf contents() {
        return in.readSlice(readLength());
    }

    /** Reads a one-byte tag. */
    int readTag() {
        int tag = peekTag();
        ProtocolDecodeException.check((tag & 0x1f) != 0x1f, PROTO, "multi-byte tags are not used by SNMP (0x%02x)", tag);
        in.skipBytes(1);
        return tag;
    }

    /** X.690 8.1.3: short form, or long form with 1-4 length octets; the indefinite form is refused. */
    int readLength() {
        ProtocolDecodeException.check(in.isReadable(), PROTO, "data ends before a length");
        int first = in.readUnsignedByte();
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7f;
            ProtocolDecodeException.check(octets != 0, PROTO, "indefinite length is not allowed");
            ProtocolDecodeException.check(octets <= 4, PROTO, "length of %d octets", octets);
            ProtocolDecodeException.check(in.readableBytes() >= octets, PROTO, "data ends inside a length");
            long value = 0;
            for (int i = 0; i < octets; i++) {
                value = value << 8 | in.readUnsignedByte();
            }
            ProtocolDecodeException.check(value <= MAX_LENGTH, PROTO, "length %d exceeds the cap of %d", value, MAX_LENGTH);
            length = (int) value;
        }
        ProtocolDecodeException.check(length <= in.readableBytes(), PROTO,
                "length %d but only %d bytes follow", length, in.readableBytes());
        return length;
    }

    /** X.690 8.3: a two's complement integer of 1-9 octets (9 for unsigned 64-bit values). */
    static BigInteger integer(ByteBuf content) {
        int n = content.readableBytes();
        ProtocolDecodeException.check(n >= 1 && n <= 9, PROTO, "integer of %d octets", n);
        byte[] bytes = new byte[n];
        content.readBytes(bytes);
        return new BigInteger(bytes);
    }

    /** Reads an INTEGER (tag 0x02) that must fit in an {@code int}. */
    int readInt() {
        BigInteger v = integer(value(0x02));
        ProtocolDecodeException.check(v.bitLength() < 32, PROTO, "integer %s out of range", v);
        return v.intValue();
    }

    /** X.690 8.19: an OBJECT IDENTIFIER as dotted decimal; arcs are base-128 and minimally encoded. */
    static String oid(ByteBuf content) {
        ProtocolDecodeException.check(content.isReadable(), PROTO, "empty object identifier");
        StringBuilder sb = new StringBuilder();
        int arcs = 0;
        boolean first = true;
        while (content.isReadable()) {
            ProtocolDecodeException.check(++arcs < MAX_OID_ARCS, PROTO, "object identifier with more than %d arcs", MAX_OID_ARCS);
            ProtocolDecodeException.check(content.getUnsignedByte(content.readerIndex()) != 0x80, PROTO,
                    "sub-identifier with a leading 0x80 octet");
            long arc = 0;
            int b;
            do {
                ProtocolDecodeException.check(content.isReadable(), PROTO, "object identifier ends inside a sub-identifier");
                ProtocolDecodeException.check(arc < (1L << 56), PROTO, "sub-identifier too large");
                b = content.readUnsignedByte();
                arc = arc << 7 | (b & 0x7f);
            } while ((b & 0x80) != 0);
            if (first) {
                // X.690 8.19.4: the first sub-identifier packs the first two arcs.
                long top = Math.min(arc / 40, 2);
                sb.append(top).append('.').append(arc - 40 * top);
                first = false;
            } else {
                sb.append('.').append(arc);
            }
        }
        return sb.toString();
    }
}
