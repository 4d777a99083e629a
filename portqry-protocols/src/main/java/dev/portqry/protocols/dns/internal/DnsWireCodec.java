package dev.portqry.protocols.dns.internal;

import dev.portqry.protocols.dns.DnsResult;
import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuery;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryEncoder;
import java.net.InetSocketAddress;

/**
 * The DNS wire format: queries are encoded by Netty's encoders (io.netty.handler.codec.dns) run in a
 * throw-away {@link EmbeddedChannel}; responses are read by {@link DnsMessageReader}, whose errors
 * name the field at fault.
 */
public final class DnsWireCodec {
    /** The fixed header (RFC 1035 4.1.1). */
    public static final int HEADER_BYTES = 12;

    private DnsWireCodec() {
    }

    /**
     * @return the query with RD clear; over TCP with its two-byte length prefix (RFC 1035 4.2.2)
     */
    public static ByteBuf encodeQuery(ByteBufAllocator alloc, Protocol protocol, InetSocketAddress remote, int id,
                               DnsQuestion question) {
        boolean tcp = protocol == Protocol.TCP;
        EmbeddedChannel ch = new EmbeddedChannel(tcp ? new TcpDnsQueryEncoder() : new DatagramDnsQueryEncoder());
        ch.config().setAllocator(alloc);
        try {
            DnsQuery query = tcp ? new DefaultDnsQuery(id) : new DatagramDnsQuery(null, remote, id);
            query.setRecursionDesired(false).addRecord(DnsSection.QUESTION, question);
            ch.writeOutbound(query);
            Object out = ch.readOutbound();
            if (out instanceof DatagramPacket packet) {
                return packet.content();
            }
            return (ByteBuf) out;
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    /**
     * Decodes one DNS response message (without a TCP length prefix).
     *
     * @param message the message; not consumed, not released
     * @param maxEntries the cap on answer plus authority records
     * @return the answer
     * @throws ProtocolDecodeException naming the field at fault when the bytes are not a complete DNS response
     */
    public static DnsResult decode(ByteBuf message, int maxEntries) {
        try {
            return DnsMessageReader.read(message, maxEntries);
        } catch (ProtocolDecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            // The last-resort net: a reader bug must still end as a decode error; the cause says where.
            throw new ProtocolDecodeException("DNS", "malformed reply", e);
        }
    }
}
