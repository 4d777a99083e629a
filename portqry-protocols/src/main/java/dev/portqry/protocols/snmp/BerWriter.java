package dev.portqry.protocols.snmp;

import io.netty.buffer.ByteBuf;
import java.math.BigInteger;

/**
 * Writes the BER subset SNMP requests need (X.690 8.1): definite lengths in the shortest
 * form, constructed values built inside-out so their lengths are known.
 */
final class BerWriter {
    private BerWriter() {
    }

    /** Writes a value with a one-byte {@code tag} and {@code content}. */
    static void tlv(ByteBuf out, int tag, ByteBuf content) {
        out.writeByte(tag);
        writeLength(out, content.readableBytes());
        out.writeBytes(content, content.readerIndex(), content.readableBytes());
    }

    static void tlv(ByteBuf out, int tag, byte[] content) {
        out.writeByte(tag);
        writeLength(out, content.length);
        out.writeBytes(content);
    }

    /** X.690 8.1.3: short form below 128, else the fewest length octets. */
    static void writeLength(ByteBuf out, int length) {
        if (length < 0x80) {
            out.writeByte(length);
        } else if (length <= 0xff) {
            out.writeByte(0x81).writeByte(length);
        } else {
            out.writeByte(0x82).writeShort(length);
        }
    }

    /** X.690 8.3: INTEGER in the fewest two's complement octets. */
    static void integer(ByteBuf out, long value) {
        tlv(out, 0x02, BigInteger.valueOf(value).toByteArray());
    }

    /** X.690 8.19: OBJECT IDENTIFIER from dotted decimal such as {@code 1.3.6.1.2.1.1.5.0}. */
    static void oid(ByteBuf out, String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("object identifier must have at least two arcs, was " + dotted);
        }
        ByteBuf content = out.alloc().buffer(parts.length + 4);
        try {
            writeArc(content, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
            for (int i = 2; i < parts.length; i++) {
                writeArc(content, Long.parseLong(parts[i]));
            }
            tlv(out, 0x06, content);
        } finally {
            content.release();
        }
    }

    private static void writeArc(ByteBuf out, long arc) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
        for (int g = groups - 1; g > 0; g--) {
            out.writeByte((int) (0x80 | (arc >>> (7 * g)) & 0x7f));
        }
        out.writeByte((int) (arc & 0x7f));
    }
}
