package dev.portqry.protocols.ldap.internal;

import dev.portqry.core.SafeText;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.LdapResultCode;
import dev.portqry.protocols.ldap.RootDseResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rootDSE read, whatever carries it: the search request, then the replies, collected into
 * an {@link RootDseResult} at the SearchResultDone (RFC 4511 section 4.5.2). Over a stream (TCP,
 * or the plaintext inside TLS) messages are framed by their BER length across reads (section
 * 5.1); over UDP one datagram may hold the entry and the SearchResultDone together (as Samba and
 * Active Directory send them) or each may come alone. Not thread-safe; one per conversation.
 *
 * <pre>{@code
 * RootDseSearch search = new RootDseSearch(1, SearchRequest.rootDse(0), BerLimits.DEFAULT, 1000);
 * ByteBuf query = search.start(alloc);
 * Optional<RootDseResult> dse = search.readStream(received);   // empty: more bytes needed
 * }</pre>
 */
public final class RootDseSearch {
    private static final Logger log = LoggerFactory.getLogger(RootDseSearch.class);
    private static final String PROTOCOL = LdapMessage.PROTOCOL;

    private final LdapMessage request;
    private final BerLimits limits;
    private final int maxEntries;
    private List<RootDseResult.Attribute> attributes = new ArrayList<>();
    private int collected;
    private LdapMessage notice;

    /**
     * @param messageId the request's messageID, 1 to 2^31-1; replies must echo it
     * @param request the search, e.g. {@link SearchRequest#rootDse(int)}; not null
     * @param limits the BER caps for the replies (the length cap bounds one message), not null
     * @param maxEntries the most attributes plus values accepted in the whole reply
     */
    public RootDseSearch(int messageId, SearchRequest request, BerLimits limits, int maxEntries) {
        if (messageId < 1) {
            throw new IllegalArgumentException("messageId must be 1-2147483647, was " + messageId);
        }
        this.request = new LdapMessage(messageId, Objects.requireNonNull(request, "request"));
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxEntries = maxEntries;
    }

    /** @return the messageID replies must echo */
    public int messageId() {
        return request.messageId();
    }

    /** @return how many attributes have been collected so far */
    public int attributeCount() {
        return attributes.size();
    }

    /**
     * @return the Notice of Disconnection (messageID 0, RFC 4511 section 4.4.1) that ended the
     *     read instead of a SearchResultDone, if one did
     */
    public Optional<LdapMessage> notice() {
        return Optional.ofNullable(notice);
    }

    /**
     * Starts (or, for a UDP retry, restarts) the read: what an earlier attempt collected is
     * forgotten, since its entries could be repeated.
     *
     * @param alloc the allocator, not null
     * @return the encoded search request; the caller owns it
     */
    public ByteBuf start(ByteBufAllocator alloc) {
        attributes = new ArrayList<>();
        collected = 0;
        notice = null;
        return request.encode(alloc);
    }

    /**
     * Reads every complete LDAPMessage from a stream, leaving a partial one unread. A Notice of
     * Disconnection ends the read too: its result code and diagnostic come back in the rootDSE
     * and {@link #notice()} tells it apart.
     *
     * @param in the received bytes; its reader index moves past the messages read
     * @return the rootDSE once the SearchResultDone (or a notice) is read, else empty
     * @throws ProtocolDecodeException when a message is malformed, answers another messageID or
     *     is not part of a search's reply
     */
    public Optional<RootDseResult> readStream(ByteBuf in) {
        try {
            while (true) {
                int length = BerReader.elementLength(in, PROTOCOL, limits);
                if (length < 0) {
                    return Optional.empty();
                }
                LdapMessage m = LdapMessage.decode(BerReader.of(in, in.readerIndex(), length, PROTOCOL, limits), maxEntries);
                in.skipBytes(length);
                if (m.messageId() == 0) {
                    notice = m;
                    return Optional.of(fromNotice(m));
                }
                ProtocolDecodeException.check(m.messageId() == messageId(), PROTOCOL,
                        "reply with messageID %d to the search with messageID %d", m.messageId(), messageId());
                Optional<RootDseResult> done = accept(m);
                if (done.isPresent()) {
                    return done;
                }
            }
        } catch (RuntimeException e) {
            throw ProtocolDecodeException.wrap(PROTOCOL, e);
        }
    }

    /**
     * Reads one datagram. A datagram whose first message answers another messageID is ignored
     * (a late reply to an earlier probe).
     *
     * @param in one datagram, not null
     * @return the rootDSE once the SearchResultDone is read, else empty (keep waiting)
     * @throws ProtocolDecodeException when a message is malformed, or the datagram mixes messageIDs
     */
    public Optional<RootDseResult> readDatagram(ByteBuf in) {
        try {
            BerReader r = BerReader.of(in, PROTOCOL, limits);
            boolean first = true;
            while (r.hasRemaining()) {
                LdapMessage m = LdapMessage.decode(r, maxEntries);
                if (m.messageId() != messageId()) {
                    if (first) {
                        log.debug("ignoring a datagram for messageID {} (waiting for {})", m.messageId(), messageId());
                        return Optional.empty();
                    }
                    throw new ProtocolDecodeException(PROTOCOL, "datagram mixes messageID " + m.messageId()
                            + " with the reply to messageID " + messageId());
                }
                first = false;
                Optional<RootDseResult> done = accept(m);
                if (done.isPresent()) {
                    return done;
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw ProtocolDecodeException.wrap(PROTOCOL, e);
        }
    }

    /** @return the rootDSE at SearchResultDone, empty to keep reading */
    private Optional<RootDseResult> accept(LdapMessage m) {
        if (m.op() instanceof SearchResultEntry entry) {
            for (PartialAttribute a : entry.attributes()) {
                collected += 1 + a.size();
                ProtocolDecodeException.check(collected <= maxEntries, PROTOCOL,
                        "rootDSE holds more than %d attributes and values (maxEntries)", maxEntries);
                attributes.add(new RootDseResult.Attribute(a.type(), a.values()));
            }
            return Optional.empty();
        }
        if (m.op() instanceof SearchResultDone done) {
            return Optional.of(new RootDseResult(attributes, done.resultCode(), done.diagnosticMessage()));
        }
        if (m.op() instanceof UnknownProtocolOp op && op.tag().equals(UnknownProtocolOp.SEARCH_RESULT_REFERENCE)) {
            // A continuation reference (RFC 4511 4.5.3) says nothing about this server: skip it.
            return Optional.empty();
        }
        throw new ProtocolDecodeException(PROTOCOL, "unexpected " + SafeText.escape(m.op().toString()) + " in reply to a search (RFC 4511 4.5.2)");
    }

    /** RFC 4511 4.4: an unsolicited notification is an ExtendedResponse, whose LDAPResult comes first (4.12). */
    private RootDseResult fromNotice(LdapMessage m) {
        ProtocolDecodeException.check(m.op() instanceof UnknownProtocolOp op && op.tag().equals(UnknownProtocolOp.EXTENDED_RESPONSE),
                PROTOCOL, "unsolicited notification instead of a reply: %s (RFC 4511 4.4)", m.op());
        BerReader result = BerReader.of(Unpooled.wrappedBuffer(((UnknownProtocolOp) m.op()).contents()), PROTOCOL, limits);
        LdapResultCode code = LdapResultCode.valueOf(result.readEnumerated());
        result.readUtf8();
        return new RootDseResult(attributes, code, result.readUtf8());
    }

    @Override
    public String toString() {
        return "RootDseSearch[" + request + ", " + attributes.size() + " attributes so far]";
    }
}
