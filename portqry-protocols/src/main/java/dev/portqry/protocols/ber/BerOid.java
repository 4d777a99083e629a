package dev.portqry.protocols.ber;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/** OBJECT IDENTIFIER contents in dotted form, e.g. {@code 1.3.6.1.2.1.1.1.0} (X.690 8.19). */
final class BerOid {
    /** Each arc fits in 63 bits: at most nine base-128 digits. */
    private static final int MAX_ARC_OCTETS = 9;

    private BerOid() {
    }

    /**
     * @param dotted at least two arcs, the first 0-2, the second below 40 unless the first is 2
     * @return the contents octets
     * @throws IllegalArgumentException naming the OID when it is not valid
     */
    static byte[] encode(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("OID must have at least two arcs, was " + dotted);
        }
        long[] arcs = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                arcs[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("OID arcs must be non-negative numbers, was " + dotted, e);
            }
            if (arcs[i] < 0 || parts[i].startsWith("+")) {
                throw new IllegalArgumentException("OID arcs must be non-negative numbers, was " + dotted);
            }
        }
        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40) || arcs[1] > Long.MAX_VALUE - 80) {
            throw new IllegalArgumentException("OID must start with 0.0-39, 1.0-39 or 2.n, was " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // X.690 8.19.4: the first two arcs share one subidentifier, 40 * first + second.
        writeArc(out, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            writeArc(out, arcs[i]);
        }
        return out.toByteArray();
    }

    private static void writeArc(ByteArrayOutputStream out, long arc) {
        int shift = 56;
        while (shift > 0 && (arc >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write((int) (0x80 | ((arc >>> shift) & 0x7f)));
        }
        out.write((int) (arc & 0x7f));
    }

    /**
     * @param buf the bytes
     * @param index absolute index of the contents
     * @param length contents length
     * @param offset the element's offset for error messages
     * @param protocol the protocol named in errors
     * @return the dotted form
     * @throws ProtocolDecodeException when the contents are empty, a subidentifier is cut short,
     *         starts with a 0x80 padding octet (X.690 8.19.2) or exceeds 63 bits
     */
    static String decode(ByteBuf buf, int index, int length, int offset, String protocol) {
        ProtocolDecodeException.check(length > 0, protocol, "empty OBJECT IDENTIFIER at offset %d", offset);
        StringBuilder sb = new StringBuilder();
        long arc = 0;
        int digits = 0;
        for (int p = index; p < index + length; p++) {
            int b = buf.getUnsignedByte(p);
            ProtocolDecodeException.check(digits > 0 || b != 0x80, protocol,
                    "OBJECT IDENTIFIER subidentifier with a leading 0x80 octet at offset %d (X.690 8.19.2)", offset);
            ProtocolDecodeException.check(++digits <= MAX_ARC_OCTETS, protocol,
                    "OBJECT IDENTIFIER subidentifier longer than 63 bits at offset %d", offset);
            arc = (arc << 7) | (b & 0x7f);
            if ((b & 0x80) != 0) {
                continue;
            }
            if (sb.length() == 0) {
                int first = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                sb.append(first).append('.').append(arc - 40L * first);
            } else {
                sb.append('.').append(arc);
            }
            arc = 0;
            digits = 0;
        }
        ProtocolDecodeException.check(digits == 0, protocol, "OBJECT IDENTIFIER cut short at offset %d", offset);
        return sb.toString();
    }
}
