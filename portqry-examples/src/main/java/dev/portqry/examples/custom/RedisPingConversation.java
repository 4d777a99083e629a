package dev.portqry.examples.custom;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * One {@code PING} exchange: sends the command as a RESP array of one bulk string and waits for
 * one CRLF-terminated reply line. Keeps no state between calls except what the engine keeps in
 * the cumulated input buffer, so a reply split over many TCP reads simply asks for more bytes.
 */
final class RedisPingConversation implements Conversation {
    /**
     * {@code PING} as clients send commands: an array ({@code *1}) of one bulk string
     * ({@code $4 PING}), each part ended by CRLF (RESP specification, "Sending commands to a
     * Redis server"). The inline form {@code PING\r\n} also works, but not through proxies that
     * only speak arrays.
     */
    static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * The longest reply line accepted. Redis's longest PING answer is the protected-mode
     * {@code -DENIED} error (about 1 KB); anything longer is not Redis.
     */
    static final int MAX_LINE = 4096;

    private final ConversationContext context;

    RedisPingConversation(ConversationContext context) {
        this.context = context;
    }

    @Override
    public ByteBuf start() {
        return context.alloc().buffer(PING.length).writeBytes(PING);
    }

    @Override
    public Step onReceive(ByteBuf in) {
        int start = in.readerIndex();
        int searchEnd = Math.min(in.writerIndex(), start + MAX_LINE + 2);
        int lf = in.indexOf(start, searchEnd, (byte) '\n');
        if (lf < 0) {
            ProtocolDecodeException.check(in.readableBytes() <= MAX_LINE + 1, RedisPingResult.PROTOCOL,
                    "no CRLF within %d bytes: not a RESP reply", MAX_LINE + 2);
            return Step.needMore();
        }
        // RESP ends every line with CRLF; a bare LF means another line protocol answered.
        ProtocolDecodeException.check(lf > start && in.getByte(lf - 1) == '\r', RedisPingResult.PROTOCOL,
                "reply line ends with LF but not CRLF");
        String line = in.readCharSequence(lf - 1 - start, StandardCharsets.UTF_8).toString();
        in.skipBytes(2);
        return Step.done(RedisPingResult.decode(line));
    }

    /** Redis closes at once after {@code -DENIED} in protected mode, so a close after a line is normal; before one it is not. */
    @Override
    public Step onPeerClosed() {
        throw new ProtocolDecodeException(RedisPingResult.PROTOCOL, "connection closed before a reply line");
    }
}
