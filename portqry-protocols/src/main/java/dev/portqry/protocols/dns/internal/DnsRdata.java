package dev.portqry.protocols.dns.internal;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Renders the rdata of a record in zone-file presentation. Names inside rdata (NS, CNAME, PTR,
 * MX, SRV, SOA) are read from the whole message, so that compression pointers in them
 * (RFC 1035 4.1.4) resolve; they must still end within the record's RDLENGTH.
 */
public final class DnsRdata {
    private static final String PROTO = "DNS";

    private DnsRdata() {
    }

    /**
     * @param type the record type
     * @param message the whole message, index 0 its first byte; its reader index is moved
     * @param offset where the rdata starts
     * @param length RDLENGTH, already checked against the message
     * @param field the field for errors, e.g. {@code answer 1 CNAME rdata}
     * @return the rdata as text; A, AAAA, NS, CNAME, PTR, MX, SRV, SOA and TXT in zone-file form,
     *         any other type as RFC 3597 {@code \# length hex}
     * @throws ProtocolDecodeException naming {@code field} when the rdata is malformed
     */
    public static String render(DnsRecordType type, ByteBuf message, int offset, int length, String field) {
        int end = offset + length;
        message.readerIndex(offset);
        String text;
        if (type.equals(DnsRecordType.A)) {
            text = address(message, length, 4, field);
        } else if (type.equals(DnsRecordType.AAAA)) {
            text = address(message, length, 16, field);
        } else if (type.equals(DnsRecordType.NS) || type.equals(DnsRecordType.CNAME) || type.equals(DnsRecordType.PTR)) {
            text = name(message, end, field);
        } else if (type.equals(DnsRecordType.MX)) {
            text = u16(message, end, field) + " " + name(message, end, field);
        } else if (type.equals(DnsRecordType.SRV)) {
            text = u16(message, end, field) + " " + u16(message, end, field) + " " + u16(message, end, field) + " "
                    + name(message, end, field);
        } else if (type.equals(DnsRecordType.SOA)) {
            text = name(message, end, field) + " " + name(message, end, field) + " " + u32(message, end, field) + " "
                    + u32(message, end, field) + " " + u32(message, end, field) + " " + u32(message, end, field) + " "
                    + u32(message, end, field);
        } else if (type.equals(DnsRecordType.TXT)) {
            text = txt(message.slice(offset, length), field);
            message.readerIndex(end);
        } else {
            return "\\# " + length + (length > 0 ? " " + ByteBufUtil.hexDump(message, offset, length) : "");
        }
        ProtocolDecodeException.check(message.readerIndex() == end, PROTO, "%s: %d bytes after the data",
                field, end - message.readerIndex());
        return text;
    }

    private static String address(ByteBuf in, int length, int size, String field) {
        ProtocolDecodeException.check(length == size, PROTO, "%s: address rdata must be %d bytes, was %d",
                field, size, length);
        byte[] bytes = new byte[size];
        in.readBytes(bytes);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new ProtocolDecodeException(PROTO, field + ": bad address", e);
        }
    }

    private static String name(ByteBuf in, int end, String field) {
        ProtocolDecodeException.check(in.readerIndex() < end, PROTO, "%s: ends before a domain name", field);
        String name = DnsMessageReader.name(in, field);
        ProtocolDecodeException.check(in.readerIndex() <= end, PROTO, "%s: domain name runs past RDLENGTH", field);
        return name;
    }

    private static int u16(ByteBuf in, int end, String field) {
        ProtocolDecodeException.check(end - in.readerIndex() >= 2, PROTO, "%s: ends inside a 16-bit field", field);
        return in.readUnsignedShort();
    }

    private static long u32(ByteBuf in, int end, String field) {
        ProtocolDecodeException.check(end - in.readerIndex() >= 4, PROTO, "%s: ends inside a 32-bit field", field);
        return in.readUnsignedInt();
    }

    /** TXT rdata: one or more length-prefixed character strings (RFC 1035 3.3.14), in presentation form. */
    private static String txt(ByteBuf in, String field) {
        StringBuilder sb = new StringBuilder();
        while (in.isReadable()) {
            int len = in.readUnsignedByte();
            ProtocolDecodeException.check(in.readableBytes() >= len, PROTO,
                    "%s: string of %d bytes but only %d left", field, len, in.readableBytes());
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('"');
            for (int i = 0; i < len; i++) {
                int c = in.readUnsignedByte();
                if (c == '"' || c == '\\') {
                    sb.append('\\').append((char) c);
                } else if (c < 0x20 || c > 0x7e) {
                    sb.append(String.format(Locale.ROOT, "\\%03d", c));
                } else {
                    sb.append((char) c);
                }
            }
            sb.append('"');
        }
        return sb.toString();
    }
}
