package dev.portqry.protocols.greeting;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.greeting.internal.ImapGreeting;
import dev.portqry.protocols.greeting.internal.LineReader;
import dev.portqry.protocols.greeting.internal.NumericReply;
import dev.portqry.protocols.greeting.internal.Pop3Greeting;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads one greeting; for FTP then tries {@code USER anonymous}. Every session ends with the
 * protocol's farewell command, sent without waiting for its answer.
 */
final class GreetingConversation implements Conversation {
    private final GreetingProtocol protocol;
    private final ByteBufAllocator alloc;
    private final int maxLines;
    /** Greeting lines read so far: FTP may send a 1xx reply before its 220 (RFC 959 section 5.4). */
    private final List<String> greeting = new ArrayList<>();
    private NumericReply ftpReady;

    GreetingConversation(ConversationContext context, GreetingProtocol protocol, int maxLines) {
        this.protocol = protocol;
        this.alloc = context.alloc();
        this.maxLines = maxLines;
    }

    @Override
    public ByteBuf start() {
        return alloc.buffer(0);
    }

    @Override
    public Step onReceive(ByteBuf in) {
        return switch (protocol) {
            case SMTP -> smtp(in);
            case FTP -> ftpReady == null ? ftpGreeting(in) : ftpAnonymous(in);
            case POP3 -> pop3(in);
            case IMAP -> imap(in);
        };
    }

    private Step smtp(ByteBuf in) {
        NumericReply reply = NumericReply.decode(in, protocol, maxLines);
        if (reply == null) {
            return Step.needMore();
        }
        return Step.done(numeric(reply.lines(), reply, List.of(), OptionalInt.empty()), farewell());
    }

    private Step ftpGreeting(ByteBuf in) {
        while (true) {
            NumericReply reply = NumericReply.decode(in, protocol, maxLines - greeting.size());
            if (reply == null) {
                return Step.needMore();
            }
            greeting.addAll(reply.lines());
            boolean preliminary = reply.code() < 200 && !reply.truncated() && greeting.size() < maxLines;
            if (preliminary) {
                continue;
            }
            if (reply.code() != 220 || reply.truncated()) {
                // 421 and the like: the server refuses service, so there is no logon to try.
                return Step.done(numeric(greeting, reply, List.of(), OptionalInt.empty()), farewell());
            }
            ftpReady = reply;
            return Step.send(line(GreetingResult.ANONYMOUS_COMMAND));
        }
    }

    private Step ftpAnonymous(ByteBuf in) {
        NumericReply reply = NumericReply.decode(in, protocol, maxLines);
        if (reply == null) {
            return Step.needMore();
        }
        GreetingResult r = new GreetingResult(protocol, greeting, String.valueOf(ftpReady.code()),
                OptionalInt.of(ftpReady.code()), reply.lines(), OptionalInt.of(reply.code()), reply.truncated());
        return Step.done(r, farewell());
    }

    private Step pop3(ByteBuf in) {
        String raw = LineReader.readLine(in.duplicate(), protocol.displayName());
        Pop3Greeting g = Pop3Greeting.decode(in);
        if (g == null) {
            return Step.needMore();
        }
        return Step.done(single(raw, g.status()), farewell());
    }

    private Step imap(ByteBuf in) {
        String raw = LineReader.readLine(in.duplicate(), protocol.displayName());
        ImapGreeting g = ImapGreeting.decode(in);
        if (g == null) {
            return Step.needMore();
        }
        return Step.done(single(raw, g.status()), farewell());
    }

    @Override
    public Step onPeerClosed() {
        if (ftpReady != null) {
            // The greeting was complete; a server that hangs up on USER still told us who it is.
            return Step.done(numeric(greeting, ftpReady, List.of(), OptionalInt.empty()));
        }
        throw new ProtocolDecodeException(protocol.displayName(), "connection closed before the greeting was complete");
    }

    private GreetingResult numeric(List<String> lines, NumericReply reply, List<String> anonymous, OptionalInt anonymousCode) {
        return new GreetingResult(protocol, lines, String.valueOf(reply.code()), OptionalInt.of(reply.code()),
                anonymous, anonymousCode, reply.truncated());
    }

    private GreetingResult single(String raw, String status) {
        return new GreetingResult(protocol, List.of(raw), status, OptionalInt.empty(), List.of(), OptionalInt.empty(), false);
    }

    private ByteBuf farewell() {
        return line(protocol.farewell());
    }

    private ByteBuf line(String text) {
        ByteBuf b = alloc.buffer(text.length() + 2);
        b.writeCharSequence(text + "\r\n", StandardCharsets.US_ASCII);
        return b;
    }
}
