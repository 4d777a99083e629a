package dev.portqry.protocols.tftp;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;

/**
 * One read request (RFC 1350 section 5): the first DATA or ERROR the server sends back, from
 * whatever port, ends it.
 */
final class TftpConversation implements Conversation {
    private final ConversationContext context;
    private final TftpReadRequest request;

    TftpConversation(ConversationContext context, TftpReadRequest request) {
        this.context = context;
        this.request = request;
    }

    @Override
    public ByteBuf start() {
        ByteBuf out = context.alloc().buffer();
        request.encode(out);
        return out;
    }

    @Override
    public Step onReceive(ByteBuf in) {
        TftpPacket reply = TftpPacket.decode(in);
        if (reply instanceof TftpReadRequest) {
            // Our own request reflected by a loop or a broken peer is no answer.
            return Step.needMore();
        }
        return Step.done(new TftpResult(request, reply));
    }
}
