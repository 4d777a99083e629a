package dev.portqry.protocols.sqlbrowser;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.sqlbrowser.internal.SqlBrowserRequest;
import io.netty.buffer.ByteBuf;

/** One SQL Browser question (MC-SQLR section 2.2.2) and the SVR_RESP that answers it. */
final class SqlBrowserConversation implements Conversation {
    private final ConversationContext context;
    private final SqlBrowserRequest request;

    SqlBrowserConversation(ConversationContext context, SqlBrowserRequest request) {
        this.context = context;
        this.request = request;
    }

    @Override
    public ByteBuf start() {
        return request.encode(context.alloc());
    }

    @Override
    public Step onReceive(ByteBuf in) {
        return Step.done(SqlBrowserResult.decode(in, context.options().maxEntries()));
    }
}
