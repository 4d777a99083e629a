package dev.portqry.protocols.dns.internal;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.dns.DefaultDnsRecordDecoder;
import io.netty.handler.codec.dns.DnsPtrRecord;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Renders the rdata of a decoded record in zone-file presentation. Netty hands over the
 * rdata of SOA, MX and SRV as a view of the whole message (so compression pointers inside it,
 * RFC 1035 4.1.4, still resolve), NS and CNAME already decompressed, PTR as a name.
 */
public final class DnsRdata {
    private DnsRdata() {
    }

    public static String render(DnsRecord record) {
        if (record instanceof DnsPtrRecord ptr) {
            return ptr.hostname();
        }
        if (!(record instanceof DnsRawRecord raw)) {
            return "";
        }
        ByteBuf in = raw.content().duplicate();
        DnsRecordType type = record.type();
        String text;
        if (type.equals(DnsRecordType.A)) {
            text = address(in, 4);
        } else if (type.equals(DnsRecordType.AAAA)) {
            text = address(in, 16);
        } else if (type.equals(DnsRecordType.NS) || type.equals(DnsRecordType.CNAME) || type.equals(DnsRecordType.PTR)) {
            text = name(in);
        } else if (type.equals(DnsRecordType.MX)) {
            text = u16(in) + " " + name(in);
        } else if (type.equals(DnsRecordType.SRV)) {
            text = u16(in) + " " + u16(in) + " " + u16(in) + " " + name(in);
        } else if (type.equals(DnsRecordType.SOA)) {
            text = name(in) + " " + name(in) + " " + u32(in) + " " + u32(in) + " " + u32(in) + " " + u32(in) + " " + u32(in);
        } else if (type.equals(DnsRecordType.TXT)) {
            text = txt(in);
        } else {
            return "\\# " + in.readableBytes() + (in.isReadable() ? " " + ByteBufUtil.hexDump(in) : "");
        }
        ProtocolDecodeException.check(!in.isReadable(), "DNS", "%s record of %s has %d bytes after its rdata",
                type.name(), record.name(), in.readableBytes());
        return text;
    }

    private static String address(ByteBuf in, int size) {
        ProtocolDecodeException.check(in.readableBytes() == size, "DNS", "address rdata must be %d bytes, was %d",
                size, in.readableBytes());
        byte[] bytes = new byte[size];
        in.readBytes(bytes);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new ProtocolDecodeException("DNS", "bad address rdata", e);
        }
    }

    private static String name(ByteBuf in) {
        ProtocolDecodeException.check(in.isReadable(), "DNS", "rdata ends before a domain name");
        return DefaultDnsRecordDecoder.decodeName(in);
    }

    private static int u16(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= 2, "DNS", "rdata ends inside a 16-bit field");
        return in.readUnsignedShort();
    }

    private static long u32(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= 4, "DNS", "rdata ends inside a 32-bit field");
        return in.readUnsignedInt();
    }

    /** TXT rdata: one or more length-prefixed character strings (RFC 1035 3.3.14). */
    private static String txt(ByteBuf in) {
        StringBuilder sb = new StringBuilder();
        while (in.isReadable()) {
            int len = in.readUnsignedByte();
            ProtocolDecodeException.check(in.readableBytes() >= len, "DNS",
                    "TXT string of %d bytes but only %d left", len, in.readableBytes());
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('"');
            for (int i = 0; i < len; i++) {
                int c = in.readUnsignedByte();
                if (c == '"' || c == '\\') {
                    sb.append('\\').append((char) c);
                } else if (c < 0x20 || c > 0x7e) {
                    sb.append(String.format("\\%03d", c));
                } else {
                    sb.append((char) c);
                }
            }
            sb.append('"');
        }
        return sb.toString();
    }
}
