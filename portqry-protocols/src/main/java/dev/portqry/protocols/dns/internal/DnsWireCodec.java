package dev.portqry.protocols.dns.internal;

import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.dns.DnsFlags;
import dev.portqry.protocols.dns.DnsResourceRecord;
import dev.portqry.protocols.dns.DnsResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuery;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryEncoder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Netty's DNS codec (io.netty.handler.codec.dns) driven outside a pipeline: its encoders and
 * decoder run in a throw-away {@link EmbeddedChannel}, and the reference-counted
 * {@link DnsResponse} is copied into an immutable {@link DnsResult} and released here.
 */
public final class DnsWireCodec {
    /** The fixed header (RFC 1035 4.1.1). */
    public static final int HEADER_BYTES = 12;
    private static final InetSocketAddress UNUSED = new InetSocketAddress(0);

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
     * Decodes one DNS message (without a TCP length prefix) and releases everything Netty made.
     *
     * @param message the message; not consumed, not released
     * @param maxEntries the cap on answer plus authority records
     * @return the answer
     * @throws ProtocolDecodeException when the bytes are not a complete DNS response
     */
    public static DnsResult decode(ByteBuf message, int maxEntries) {
        ProtocolDecodeException.check(message.readableBytes() >= HEADER_BYTES, "DNS",
                "reply of %d bytes is shorter than the %d-byte header", message.readableBytes(), HEADER_BYTES);
        int base = message.readerIndex();
        int qd = message.getUnsignedShort(base + 4);
        int an = message.getUnsignedShort(base + 6);
        int ns = message.getUnsignedShort(base + 8);
        int ar = message.getUnsignedShort(base + 10);
        ProtocolDecodeException.check(an + ns <= maxEntries, "DNS",
                "%d answer and authority records exceed the cap of %d", an + ns, maxEntries);
        ProtocolDecodeException.check(qd <= 1, "DNS", "%d questions in a reply to one", qd);
        EmbeddedChannel ch = new EmbeddedChannel(new DatagramDnsResponseDecoder());
        try {
            ch.writeInbound(new DatagramPacket(message.retainedSlice(), UNUSED, UNUSED));
            DnsResponse response = ch.readInbound();
            try {
                return copy(response, qd, an, ns, ar);
            } finally {
                response.release();
            }
        } catch (ProtocolDecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof DecoderException && e.getCause() != null ? e.getCause() : e;
            throw new ProtocolDecodeException("DNS", "malformed reply (" + cause + ")", e);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static DnsResult copy(DnsResponse r, int qd, int an, int ns, int ar) {
        // Netty's decoder stops quietly at the end of the bytes; unless TC says so, fewer records
        // than the header announces is a corrupt message (RFC 1035 4.1.1).
        boolean complete = r.count(DnsSection.QUESTION) == qd && r.count(DnsSection.ANSWER) == an
                && r.count(DnsSection.AUTHORITY) == ns;
        ProtocolDecodeException.check(complete || r.isTruncated(), "DNS",
                "reply ends early: header announces %d/%d/%d question/answer/authority records, %d/%d/%d present",
                qd, an, ns, r.count(DnsSection.QUESTION), r.count(DnsSection.ANSWER), r.count(DnsSection.AUTHORITY));
        Optional<DnsResult.Question> question = Optional.empty();
        if (r.count(DnsSection.QUESTION) > 0) {
            DnsRecord q = r.recordAt(DnsSection.QUESTION, 0);
            question = Optional.of(new DnsResult.Question(q.name(), q.type(), q.dnsClass()));
        }
        DnsFlags flags = new DnsFlags(r.isAuthoritativeAnswer(), r.isTruncated(), r.isRecursionDesired(),
                r.isRecursionAvailable());
        return new DnsResult(r.id(), r.code(), flags, question, records(r, DnsSection.ANSWER),
                records(r, DnsSection.AUTHORITY), ar);
    }

    private static List<DnsResourceRecord> records(DnsResponse r, DnsSection section) {
        int n = r.count(section);
        List<DnsResourceRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DnsRecord rec = r.recordAt(section, i);
            out.add(new DnsResourceRecord(rec.name(), rec.type(), rec.dnsClass(), rec.timeToLive(), DnsRdata.render(rec)));
        }
        return out;
    }
}
