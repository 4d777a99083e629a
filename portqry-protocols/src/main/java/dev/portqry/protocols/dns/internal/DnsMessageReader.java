package dev.portqry.protocols.dns.internal;

import dev.portqry.protocols.dns.DnsResourceRecord;
import dev.portqry.protocols.dns.DnsFlags;
import dev.portqry.protocols.dns.DnsResult;
import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one DNS response message (RFC 1035 4.1) into a {@link DnsResult}, naming the field at
 * fault in every error ({@code answer 2 name: compression pointer loop}). Netty's decoder is not
 * used here: its errors name no field, only an exception class. Each instance reads one message.
 */
public final class DnsMessageReader {
    private static final String PROTO = "DNS";
    /** RFC 1035 2.3.4: a name is at most 255 octets on the wire. */
    private static final int MAX_NAME_BYTES = 255;
    /**
     * More jumps than a 255-octet name has labels can only be a loop (each jump must land on a
     * label or the terminator to make progress).
     */
    private static final int MAX_POINTERS = MAX_NAME_BYTES / 2;
    private static final int QR = 0x8000;
    private static final int AA = 0x0400;
    private static final int TC = 0x0200;
    private static final int RD = 0x0100;
    private static final int RA = 0x0080;
    private static final int RCODE_MASK = 0x000f;
    /** TYPE, CLASS, TTL, RDLENGTH (RFC 1035 4.1.3). */
    private static final int RECORD_FIXED_BYTES = 10;

    private final ByteBuf m;
    private boolean truncated;

    /** @param message the message, index 0 its first byte (a slice: compression pointers are offsets from there) */
    private DnsMessageReader(ByteBuf message) {
        this.m = message;
    }

    /**
     * @param message the message without a TCP length prefix; read from its reader index, not consumed
     * @param maxEntries the cap on answer plus authority records
     * @return the answer
     * @throws ProtocolDecodeException naming the field when the bytes are not a well-formed response
     */
    public static DnsResult read(ByteBuf message, int maxEntries) {
        return new DnsMessageReader(message.slice()).answer(maxEntries);
    }

    private DnsResult answer(int maxEntries) {
        ProtocolDecodeException.check(m.readableBytes() >= DnsWireCodec.HEADER_BYTES, PROTO,
                "reply of %d bytes is shorter than the %d-byte header", m.readableBytes(), DnsWireCodec.HEADER_BYTES);
        int id = m.readUnsignedShort();
        int flags = m.readUnsignedShort();
        int qd = m.readUnsignedShort();
        int an = m.readUnsignedShort();
        int ns = m.readUnsignedShort();
        int ar = m.readUnsignedShort();
        ProtocolDecodeException.check((flags & QR) != 0, PROTO, "header: not a response (QR bit clear)");
        ProtocolDecodeException.check(an + ns <= maxEntries, PROTO,
                "%d answer and authority records exceed the cap of %d", an + ns, maxEntries);
        ProtocolDecodeException.check(qd <= 1, PROTO, "%d questions in a reply to one", qd);
        truncated = (flags & TC) != 0;
        Optional<DnsResult.Question> question = Optional.empty();
        if (qd == 1) {
            question = question();
        }
        List<DnsResourceRecord> answers = section("answer", an);
        List<DnsResourceRecord> authorities = section("authority", ns);
        // The additional section is only counted (DnsResult#additionalCount): its records are not read.
        DnsFlags f = new DnsFlags((flags & AA) != 0, truncated, (flags & RD) != 0, (flags & RA) != 0);
        return new DnsResult(id, DnsResponseCode.valueOf(flags & RCODE_MASK), f, question, answers, authorities, ar);
    }

    private Optional<DnsResult.Question> question() {
        if (!m.isReadable() && truncated) {
            return Optional.empty();
        }
        String name = name(m, "question 1 name");
        ProtocolDecodeException.check(m.readableBytes() >= 4, PROTO,
                "question 1: reply ends inside the type and class fields");
        DnsRecordType type = DnsRecordType.valueOf(m.readUnsignedShort());
        return Optional.of(new DnsResult.Question(name, type, m.readUnsignedShort()));
    }

    /**
     * A section's records. A message with TC set may end early (at or inside a record): the
     * section stops there. Without TC, fewer records than the header announces is corrupt
     * (RFC 1035 4.1.1).
     */
    private List<DnsResourceRecord> section(String what, int count) {
        List<DnsResourceRecord> out = new ArrayList<>(Math.min(count, 64));
        for (int i = 1; i <= count; i++) {
            String field = what + " " + i;
            if (!m.isReadable()) {
                ProtocolDecodeException.check(truncated, PROTO, "reply ends before %s of %d (TC not set)", field, count);
                return out;
            }
            String name = name(m, field + " name");
            if (m.readableBytes() < RECORD_FIXED_BYTES) {
                ProtocolDecodeException.check(truncated, PROTO,
                        "%s: reply ends inside the type, class, TTL and RDLENGTH fields", field);
                return out;
            }
            DnsRecordType type = DnsRecordType.valueOf(m.readUnsignedShort());
            int dnsClass = m.readUnsignedShort();
            long ttl = m.readUnsignedInt();
            int length = m.readUnsignedShort();
            if (m.readableBytes() < length) {
                ProtocolDecodeException.check(truncated, PROTO, "%s RDLENGTH: %d bytes but only %d left",
                        field, length, m.readableBytes());
                return out;
            }
            int offset = m.readerIndex();
            String data = DnsRdata.render(type, m, offset, length, field + " " + type.name() + " rdata");
            m.readerIndex(offset + length);
            out.add(new DnsResourceRecord(name, type, dnsClass, ttl, data));
        }
        return out;
    }

    /**
     * Reads a domain name, following compression pointers (RFC 1035 4.1.4).
     *
     * @param in the whole message (index 0 its first byte), the reader index at the name; moved past
     *        the name, or past its first pointer
     * @param field the field, for errors, e.g. {@code answer 2 name}
     * @return the name with its trailing dot, {@code .} for the root; labels as UTF-8, kept raw
     * @throws ProtocolDecodeException naming {@code field}
     */
    public static String name(ByteBuf in, String field) {
        StringBuilder name = new StringBuilder();
        int wire = 1;
        int pointers = 0;
        int end = -1;
        int at = in.readerIndex();
        int size = in.writerIndex();
        while (true) {
            ProtocolDecodeException.check(at < size, PROTO, "%s: runs past the end of the message", field);
            int len = in.getUnsignedByte(at);
            if (len == 0) {
                at++;
                break;
            }
            int kind = len & 0xc0;
            if (kind == 0xc0) {
                ProtocolDecodeException.check(at + 1 < size, PROTO, "%s: message ends inside a compression pointer", field);
                int target = (len & 0x3f) << 8 | in.getUnsignedByte(at + 1);
                if (end < 0) {
                    end = at + 2;
                }
                ProtocolDecodeException.check(target < size, PROTO,
                        "%s: compression pointer to offset %d past the end of the %d-byte message", field, target, size);
                ProtocolDecodeException.check(++pointers <= MAX_POINTERS, PROTO, "%s: compression pointer loop", field);
                at = target;
                continue;
            }
            ProtocolDecodeException.check(kind == 0, PROTO, "%s: label type 0x%02x is not supported", field, kind);
            ProtocolDecodeException.check(at + 1 + len <= size, PROTO,
                    "%s: label of %d bytes runs past the end of the message", field, len);
            wire += 1 + len;
            ProtocolDecodeException.check(wire <= MAX_NAME_BYTES, PROTO,
                    "%s: longer than %d bytes", field, MAX_NAME_BYTES);
            name.append(in.toString(at + 1, len, StandardCharsets.UTF_8)).append('.');
            at += 1 + len;
        }
        in.readerIndex(end < 0 ? at : end);
        return name.length() == 0 ? "." : name.toString();
    }
}
