package dev.portqry.protocols.kerberos.internal;

import dev.portqry.core.SafeText;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What Kerberos adds to the shared BER codec (RFC 4120 section 5.1: DER with explicit tagging):
 * its caps, the {@code [n] EXPLICIT} field wrapper, and the KerberosString, KerberosTime and
 * KerberosFlags types. DER is a subset of BER, and the shared reader already enforces the part
 * of it that matters here: definite lengths of at most four octets, every length checked
 * against the bytes left in the enclosing element.
 */
public final class KerberosDer {
    /** The protocol named in decode errors. */
    public static final String PROTOCOL = "Kerberos";
    /** The deepest a reply nests is about 9 (AS-REP, ticket, sname); 16 leaves room and no more. */
    public static final BerLimits LIMITS = BerLimits.DEFAULT.withMaxDepth(16);
    /** KerberosFlags (RFC 4120 5.2.8). */
    static final BerTag BIT_STRING = BerTag.universal(3, false);
    /** KerberosTime (RFC 4120 5.2.3). */
    public static final BerTag GENERALIZED_TIME = BerTag.universal(24, false);
    /** KerberosString (RFC 4120 5.2.1). */
    public static final BerTag GENERAL_STRING = BerTag.universal(27, false);

    private static final DateTimeFormatter KERBEROS_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'");

    private KerberosDer() {
    }

    /** @return a reader over the whole message with the Kerberos caps (the array is not copied) */
    public static BerReader reader(byte[] der) {
        return BerReader.of(Unpooled.wrappedBuffer(der), PROTOCOL, LIMITS);
    }

    /**
     * Opens a KDC reply, {@code [APPLICATION msgType] SEQUENCE}, and checks its leading
     * {@code pvno [0]} and {@code msg-type [1]} (RFC 4120 5.4.2 KDC-REP, 5.9.1 KRB-ERROR).
     *
     * @param in positioned at the message
     * @param msgType the message type, also its application tag number
     * @param name the message's name for errors, e.g. {@code AS-REP}
     * @return a reader over the SEQUENCE, positioned after msg-type
     */
    public static BerReader openReply(BerReader in, int msgType, String name) {
        BerReader seq = in.readConstructed(BerTag.application(msgType, true)).readSequence();
        int pvno = field(seq, 0).readInt();
        checkThat(pvno == AsReq.PVNO, "pvno %d, expected 5", pvno);
        int type = field(seq, 1).readInt();
        checkThat(type == msgType, "%s with msg-type %d", name, type);
        return seq;
    }

    /** @return the tag of {@code [n] EXPLICIT} */
    public static BerTag field(int n) {
        return BerTag.context(n, true);
    }

    /** @return a reader over what {@code [n] EXPLICIT} wraps */
    public static BerReader field(BerReader r, int n) {
        return r.readConstructed(field(n));
    }

    /** Skips the OPTIONAL field {@code [n]} when it is present. */
    public static void skipField(BerReader r, int n) {
        if (r.nextIs(field(n))) {
            r.skip();
        }
    }

    /** @return a KerberosString: GeneralString, IA5 in practice, UTF-8 accepted (RFC 4120 5.2.1) */
    public static String readString(BerReader r) {
        return new String(r.readPrimitive(GENERAL_STRING), StandardCharsets.UTF_8);
    }

    /** @return a KerberosTime: GeneralizedTime {@code YYYYMMDDHHMMSSZ} (RFC 4120 5.2.3) */
    public static Instant readTime(BerReader r) {
        String s = new String(r.readPrimitive(GENERALIZED_TIME), StandardCharsets.US_ASCII);
        try {
            return LocalDateTime.parse(s, KERBEROS_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ProtocolDecodeException(PROTOCOL, "KerberosTime is not YYYYMMDDHHMMSSZ: " + SafeText.escape(s));
        }
    }

    /** @return {@code w}, inside a new {@code [n] EXPLICIT} to be closed with {@link BerWriter#end()} */
    public static BerWriter startField(BerWriter w, int n) {
        return w.start(field(n));
    }

    /** Writes {@code [n] INTEGER}. */
    public static void writeInteger(BerWriter w, int n, long value) {
        startField(w, n).writeInteger(value).end();
    }

    /** Writes {@code [n] KerberosString} holding ASCII {@code s}. */
    public static void writeString(BerWriter w, int n, String s) {
        startField(w, n).writeOctetString(GENERAL_STRING, s.getBytes(StandardCharsets.US_ASCII)).end();
    }

    /** Writes {@code [n] KerberosTime}, a GeneralizedTime without fractions (RFC 4120 5.2.3). */
    public static void writeTime(BerWriter w, int n, Instant t) {
        String text = KERBEROS_TIME.withZone(ZoneOffset.UTC).format(t);
        startField(w, n).writeOctetString(GENERALIZED_TIME, text.getBytes(StandardCharsets.US_ASCII)).end();
    }

    /** Writes {@code [n] KerberosFlags}: a 32-bit BIT STRING with no unused bits (RFC 4120 5.2.8). */
    public static void writeFlags(BerWriter w, int n, int bits) {
        byte[] contents = {0, (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        startField(w, n).writeOctetString(BIT_STRING, contents).end();
    }

    /** Throws a Kerberos decode exception unless {@code condition} holds; for the message decoders. */
    public static void checkThat(boolean condition, String format, Object... args) {
        ProtocolDecodeException.check(condition, PROTOCOL, format, args);
    }
}
