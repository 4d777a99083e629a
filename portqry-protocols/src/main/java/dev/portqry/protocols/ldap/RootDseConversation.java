package dev.portqry.protocols.ldap;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.protocols.ldap.internal.RootDseSearch;
import dev.portqry.protocols.ldap.internal.SearchRequest;
import dev.portqry.protocols.ldap.internal.SearchResultDone;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * One rootDSE read over TCP or UDP: sends the {@link SearchRequest#rootDse(int) search} and
 * finishes at SearchResultDone; the {@link RootDseSearch} does the framing and collecting.
 */
final class RootDseConversation implements Conversation {
    /** Server-side time limit of the search, in seconds: reading the rootDSE takes no time. */
    static final int TIME_LIMIT_SECONDS = 5;

    private final ConversationContext ctx;
    private final RootDseSearch search;

    RootDseConversation(ConversationContext ctx, int messageId) {
        this.ctx = ctx;
        this.search = new RootDseSearch(messageId, SearchRequest.rootDse(TIME_LIMIT_SECONDS),
                BerLimits.DEFAULT.withMaxLength(ctx.options().maxReplyBytes()), ctx.options().maxEntries());
    }

    @Override
    public ByteBuf start() {
        return search.start(ctx.alloc());
    }

    @Override
    public Step onReceive(ByteBuf in) {
        Optional<RootDseResult> dse = ctx.protocol() == Protocol.TCP ? search.readStream(in) : search.readDatagram(in);
        search.notice().ifPresent(n -> {
            // The notice means the server is closing (RFC 4511 4.4.1): it is no rootDSE.
            throw new ProtocolDecodeException(LdapMessage.PROTOCOL, "unsolicited notification instead of a reply: "
                    + n.op() + " (RFC 4511 4.4)");
        });
        return dse.<Step>map(Step::done).orElse(Step.needMore());
    }

    @Override
    public Step onPeerClosed() {
        throw new ProtocolDecodeException(LdapMessage.PROTOCOL, "connection closed before SearchResultDone ("
                + search.attributeCount() + " attributes received)");
    }
}
