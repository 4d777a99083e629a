package dev.portqry.protocols.snmp;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The value of a variable binding (RFC 2578 7.1, RFC 3416 3), typed by its BER tag. Every
 * variant is immutable; its {@code toString()} renders it the way net-snmp's tools do.
 */
public sealed interface SnmpValue {

    /** OCTET STRING (tag 0x04). @param bytes the octets, copied */
    record OctetString(byte[] bytes) implements SnmpValue {
        /** Copies the bytes. */
        public OctetString {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** @return the octets as UTF-8 text when they are printable text, else empty-handed hex */
        public String text() {
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7f || c == '\r' || c == '\n' || c == '\t')) {
                    return s;
                }
            } catch (CharacterCodingException e) {
                // not text: fall through to hex
            }
            return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OctetString s && java.util.Arrays.equals(s.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "STRING: " + text();
        }
    }

    /** INTEGER / Integer32 (tag 0x02). @param value the value */
    record Int(long value) implements SnmpValue {
        @Override
        public String toString() {
            return "INTEGER: " + value;
        }
    }

    /** OBJECT IDENTIFIER (tag 0x06). @param oid dotted decimal, not null */
    record ObjectId(String oid) implements SnmpValue {
        @Override
        public String toString() {
            return "OID: " + oid;
        }
    }

    /** TimeTicks (application 3): hundredths of a second, 0 to 2^32-1. @param hundredths the ticks */
    record TimeTicks(long hundredths) implements SnmpValue {
        @Override
        public String toString() {
            long s = hundredths / 100;
            long days = s / 86_400;
            String clock = String.format(Locale.ROOT, "%d:%02d:%02d.%02d", s / 3600 % 24, s / 60 % 60, s % 60, hundredths % 100);
            return "Timeticks: (" + hundredths + ") " + (days == 0 ? "" : days + (days == 1 ? " day, " : " days, ")) + clock;
        }
    }

    /**
     * Counter32 (application 1), Gauge32/Unsigned32 (application 2) or Counter64 (application 6).
     *
     * @param kind {@code Counter32}, {@code Gauge32} or {@code Counter64}
     * @param value the unsigned value
     */
    record Unsigned(String kind, BigInteger value) implements SnmpValue {
        @Override
        public String toString() {
            return kind + ": " + value;
        }
    }

    /** IpAddress (application 0). @param address the IPv4 address */
    record IpAddress(InetAddress address) implements SnmpValue {
        @Override
        public String toString() {
            return "IpAddress: " + address.getHostAddress();
        }
    }

    /** NULL (tag 0x05), as in a request. */
    record Null() implements SnmpValue {
        @Override
        public String toString() {
            return "NULL";
        }
    }

    /**
     * The v2 exceptions in place of a value (RFC 3416 3): noSuchObject (0x80), noSuchInstance
     * (0x81), endOfMibView (0x82).
     *
     * @param tag the context tag
     */
    record Missing(int tag) implements SnmpValue {
        /** @return the exception's name */
        public String name() {
            return switch (tag) {
                case 0x80 -> "noSuchObject";
                case 0x81 -> "noSuchInstance";
                default -> "endOfMibView";
            };
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Any other tag, e.g. Opaque (application 4), kept as bytes. @param tag the tag @param bytes the contents */
    record Other(int tag, byte[] bytes) implements SnmpValue {
        /** Copies the bytes. */
        public Other {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && x.tag == tag && java.util.Arrays.equals(x.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return tag * 31 + java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "tag 0x%02x: %s", tag, HexFormat.of().formatHex(bytes));
        }
    }

    /**
     * Reads the next element as a value, typed by its tag (RFC 2578 7.1.1-7.1.10, RFC 3416 3).
     *
     * @param r positioned at the value, not null
     * @return the value; a tag SNMP does not define becomes {@link Other}
     * @throws ProtocolDecodeException when the element is malformed or its value out of its type's range
     */
    static SnmpValue decode(BerReader r) {
        BerTag tag = r.peekTag();
        ProtocolDecodeException.check(tag.number() < 31, "SNMP", "multi-byte tags are not used by SNMP (%s)", tag);
        int octet = tag.identifierOctet();
        return switch (octet) {
            case 0x02 -> new Int(ranged(integer(r, tag), 32, true).longValue());
            case 0x04 -> new OctetString(r.readOctetString());
            case 0x05 -> {
                ProtocolDecodeException.check(r.readPrimitive(tag).length == 0, "SNMP", "NULL with contents");
                yield new Null();
            }
            case 0x06 -> new ObjectId(r.readOid());
            case 0x40 -> ipAddress(r.readPrimitive(tag));
            case 0x41 -> new Unsigned("Counter32", ranged(integer(r, tag), 32, false));
            case 0x42 -> new Unsigned("Gauge32", ranged(integer(r, tag), 32, false));
            case 0x43 -> new TimeTicks(ranged(integer(r, tag), 32, false).longValue());
            case 0x46 -> new Unsigned("Counter64", ranged(integer(r, tag), 64, false));
            case 0x80, 0x81, 0x82 -> {
                ProtocolDecodeException.check(r.readPrimitive(tag).length == 0, "SNMP", "%s with contents", new Missing(octet).name());
                yield new Missing(octet);
            }
            default -> new Other(octet, r.readContents(tag));
        };
    }

    /** X.690 8.3: a two's complement integer of 1-9 octets (9 for unsigned 64-bit values). */
    private static BigInteger integer(BerReader r, BerTag tag) {
        byte[] bytes = r.readPrimitive(tag);
        ProtocolDecodeException.check(bytes.length >= 1 && bytes.length <= 9, "SNMP", "integer of %d octets", bytes.length);
        return new BigInteger(bytes);
    }

    private static BigInteger ranged(BigInteger v, int bits, boolean signed) {
        boolean ok = signed ? v.bitLength() < bits : v.signum() >= 0 && v.bitLength() <= bits;
        ProtocolDecodeException.check(ok, "SNMP", "value %s out of %s %d-bit range", v, signed ? "signed" : "unsigned", bits);
        return v;
    }

    private static SnmpValue ipAddress(byte[] content) {
        ProtocolDecodeException.check(content.length == 4, "SNMP", "IpAddress of %d octets", content.length);
        try {
            return new IpAddress(InetAddress.getByAddress(content));
        } catch (UnknownHostException e) {
            throw new ProtocolDecodeException("SNMP", "bad IpAddress", e);
        }
    }
}
