package dev.portqry.protocols.kerberos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds DER elements bottom-up (X.690 DER as RFC 4120 section 5.1 requires): each method
 * returns a complete element, so nesting is composition and every length is the exact size of
 * what it wraps. The queries it builds are a few hundred bytes, so arrays are simplest.
 */
final class DerWriter {
    private static final DateTimeFormatter KERBEROS_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private DerWriter() {
    }

    /** @return an element with {@code tag} around the concatenated {@code parts} */
    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        byte[] content = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        writeLength(out, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** @return a SEQUENCE (or SEQUENCE OF) of {@code parts} */
    static byte[] sequence(byte[]... parts) {
        return tlv(DerReader.SEQUENCE, parts);
    }

    /** @return context tag [n] EXPLICIT around {@code inner} (RFC 4120 5.1: the module uses explicit tagging) */
    static byte[] field(int n, byte[] inner) {
        return tlv(0xa0 | n, inner);
    }

    /** @return [APPLICATION n] constructed around {@code inner} */
    static byte[] application(int n, byte[] inner) {
        return tlv(0x60 | n, inner);
    }

    /** @return an INTEGER in the minimal two's-complement form DER demands */
    static byte[] integer(long value) {
        int n = 8;
        while (n > 1) {
            long top = value >> ((n - 1) * 8 - 1);
            if (top != 0 && top != -1) {
                break;
            }
            n--;
        }
        byte[] content = new byte[n];
        for (int i = 0; i < n; i++) {
            content[i] = (byte) (value >> ((n - 1 - i) * 8));
        }
        return tlv(DerReader.INTEGER, content);
    }

    /** @return a GeneralString holding ASCII {@code s} (KerberosString, RFC 4120 5.2.1) */
    static byte[] string(String s) {
        return tlv(DerReader.GENERAL_STRING, s.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return a KerberosTime, GeneralizedTime without fractions (RFC 4120 5.2.3) */
    static byte[] time(Instant t) {
        return tlv(DerReader.GENERALIZED_TIME, KERBEROS_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    /** @return a 32-bit BIT STRING with no unused bits (KerberosFlags, RFC 4120 5.2.8) */
    static byte[] flags(int bits) {
        return tlv(DerReader.BIT_STRING, new byte[] {0, (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
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
