package dev.portqry.protocols.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Copies one BER element of a query into a golden reply, re-encoding the lengths of the
 * elements around it, so that an {@code echo} can make a captured reply answer this
 * conversation's query (SNMP request-id and community, Kerberos cname). Low tag numbers only
 * (one identifier octet), definite lengths only: enough for the seeds, and a seed it cannot walk
 * is returned unchanged.
 *
 * <p>A path names one element per level: a value 0-255 is the first child with that identifier
 * octet (e.g. {@code 0x30}); a negative value {@code -(i + 1)} is the child at index {@code i}.
 */
public final class BerSplice {
    private BerSplice() {
    }

    /**
     * @param der the encoding to look in
     * @param path the element's path from the top level
     * @return the whole element (identifier, length, contents), or null when the path is not there
     */
    public static byte[] get(byte[] der, int... path) {
        int from = 0;
        int to = der.length;
        int[] tlv = null;
        for (int step : path) {
            tlv = child(der, from, to, step);
            if (tlv == null) {
                return null;
            }
            from = tlv[0] + tlv[1];
            to = from + tlv[2];
        }
        return tlv == null ? null : Arrays.copyOfRange(der, tlv[0], to);
    }

    /**
     * @param der the encoding to change, not modified
     * @param element the whole element to put at the path, or null to leave {@code der} as it is
     * @param path the path of the element to replace
     * @return a new encoding with the element replaced and the enclosing lengths re-encoded; {@code der}
     *         itself when the path is not there
     */
    public static byte[] replace(byte[] der, byte[] element, int... path) {
        if (element == null) {
            return der;
        }
        byte[] out = replace(der, 0, der.length, element, path, 0);
        return out == null ? der : out;
    }

    private static byte[] replace(byte[] der, int from, int to, byte[] element, int[] path, int level) {
        int[] tlv = child(der, from, to, path[level]);
        if (tlv == null) {
            return null;
        }
        int end = tlv[0] + tlv[1] + tlv[2];
        byte[] middle;
        if (level == path.length - 1) {
            middle = element;
        } else {
            byte[] contents = replace(der, tlv[0] + tlv[1], end, element, path, level + 1);
            if (contents == null) {
                return null;
            }
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            e.write(der[tlv[0]]);
            writeLength(e, contents.length);
            e.writeBytes(contents);
            middle = e.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(der, from, tlv[0] - from);
        out.writeBytes(middle);
        out.write(der, end, to - end);
        return out.toByteArray();
    }

    /** @return {start, header length, contents length} of the wanted child in [from, to), or null */
    private static int[] child(byte[] der, int from, int to, int step) {
        int index = 0;
        for (int p = from; p < to; index++) {
            int[] tlv = header(der, p, to);
            if (tlv == null) {
                return null;
            }
            if (step >= 0 ? (der[p] & 0xff) == step : -(step + 1) == index) {
                return tlv;
            }
            p = tlv[0] + tlv[1] + tlv[2];
        }
        return null;
    }

    private static int[] header(byte[] der, int p, int to) {
        if (p + 2 > to || (der[p] & 0x1f) == 0x1f) {
            return null;
        }
        int first = der[p + 1] & 0xff;
        int headerLength = 2;
        long length = first;
        if (first >= 0x80) {
            int n = first & 0x7f;
            if (n == 0 || n > 3 || p + 2 + n > to) {
                return null;
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | (der[p + 2 + i] & 0xff);
            }
            headerLength += n;
        }
        if (p + headerLength + length > to) {
            return null;
        }
        return new int[] {p, headerLength, (int) length};
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
    }
}
