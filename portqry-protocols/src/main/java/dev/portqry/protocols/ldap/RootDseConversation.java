package dev.portqry.protocols.ldap;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rootDSE read: sends the {@link SearchRequest#rootDse(int) search}, collects
 * SearchResultEntry messages and finishes at SearchResultDone. Over TCP, messages are framed by
 * their BER length across reads (RFC 4511 section 5.1); over UDP one datagram may hold the entry
 * and the SearchResultDone together (as Samba and Active Directory send them) or each may come
 * alone.
 */
final class RootDseConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(RootDseConversation.class);
    /** Server-side time limit of the search, in seconds: reading the rootDSE takes no time. */
    static final int TIME_LIMIT_SECONDS = 5;

    private final ConversationContext ctx;
    private final int messageId;
    private final BerLimits limits;
    private final int maxEntries;
    private List<LdapRootDse.Attribute> attributes = new ArrayList<>();
    private int collected;

    RootDseConversation(ConversationContext ctx, int messageId) {
        this.ctx = ctx;
        this.messageId = messageId;
        this.limits = BerLimits.DEFAULT.withMaxLength(ctx.options().maxReplyBytes());
        this.maxEntries = ctx.options().maxEntries();
    }

    @Override
    public ByteBuf start() {
        // A UDP retry starts over: entries from an earlier attempt could be repeated.
        attributes = new ArrayList<>();
        collected = 0;
        return new LdapMessage(messageId, SearchRequest.rootDse(TIME_LIMIT_SECONDS)).encode(ctx.alloc());
    }

    @Override
    public Step onReceive(ByteBuf in) {
        try {
            return ctx.protocol() == Protocol.TCP ? onStream(in) : onDatagram(in);
        } catch (RuntimeException e) {
            throw ProtocolDecodeException.wrap(LdapMessage.PROTOCOL, e);
        }
    }

    private Step onStream(ByteBuf in) {
        while (true) {
            int length = BerReader.elementLength(in, LdapMessage.PROTOCOL, limits);
            if (length < 0) {
                return Step.needMore();
            }
            LdapMessage m = LdapMessage.decode(BerReader.of(in, in.readerIndex(), length, LdapMessage.PROTOCOL, limits), maxEntries);
            in.skipBytes(length);
            if (m.messageId() == 0) {
                throw new ProtocolDecodeException(LdapMessage.PROTOCOL, "unsolicited notification instead of a reply: "
                        + m.op() + " (RFC 4511 4.4)");
            }
            ProtocolDecodeException.check(m.messageId() == messageId, LdapMessage.PROTOCOL,
                    "reply with messageID %d to the search with messageID %d", m.messageId(), messageId);
            Step step = accept(m);
            if (step != null) {
                return step;
            }
        }
    }

    private Step onDatagram(ByteBuf in) {
        BerReader r = BerReader.of(in, LdapMessage.PROTOCOL, limits);
        boolean first = true;
        while (r.hasRemaining()) {
            LdapMessage m = LdapMessage.decode(r, maxEntries);
            if (m.messageId() != messageId) {
                if (first) {
                    log.debug("ignoring a datagram for messageID {} (waiting for {})", m.messageId(), messageId);
                    return Step.needMore();
                }
                throw new ProtocolDecodeException(LdapMessage.PROTOCOL, "datagram mixes messageID " + m.messageId()
                        + " with the reply to messageID " + messageId);
            }
            first = false;
            Step step = accept(m);
            if (step != null) {
                return step;
            }
        }
        return Step.needMore();
    }

    /** @return the final step at SearchResultDone, null to keep reading */
    private Step accept(LdapMessage m) {
        if (m.op() instanceof SearchResultEntry entry) {
            for (PartialAttribute a : entry.attributes()) {
                collected += 1 + a.size();
                ProtocolDecodeException.check(collected <= maxEntries, LdapMessage.PROTOCOL,
                        "rootDSE holds more than %d attributes and values (maxEntries)", maxEntries);
                attributes.add(new LdapRootDse.Attribute(a.type(), a.values()));
            }
            return null;
        }
        if (m.op() instanceof SearchResultDone done) {
            return Step.done(new LdapRootDse(attributes, done.resultCode(), done.diagnosticMessage()));
        }
        if (m.op() instanceof UnknownProtocolOp op && op.tag().equals(UnknownProtocolOp.SEARCH_RESULT_REFERENCE)) {
            // A continuation reference (RFC 4511 4.5.3) says nothing about this server: skip it.
            return null;
        }
        throw new ProtocolDecodeException(LdapMessage.PROTOCOL, "unexpected " + m.op() + " in reply to a search (RFC 4511 4.5.2)");
    }

    @Override
    public Step onPeerClosed() {
        throw new ProtocolDecodeException(LdapMessage.PROTOCOL, "connection closed before SearchResultDone ("
                + attributes.size() + " attributes received)");
    }
}
