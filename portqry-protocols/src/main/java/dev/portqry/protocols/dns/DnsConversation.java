package dev.portqry.protocols.dns;

import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.SafeText;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.dns.internal.DnsWireCodec;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsQuestion;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DNS query and its reply. A UDP datagram whose ID or question does not match is ignored
 * (it may be a late answer to someone else's query); over TCP, where nothing else can arrive,
 * a mismatch is a protocol error. TCP messages carry a two-byte length prefix (RFC 1035 4.2.2).
 */
final class DnsConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(DnsConversation.class);
    private static final int TCP_PREFIX_BYTES = 2;

    private final ConversationContext ctx;
    private final DnsQuestion question;
    private final DnsResult.Question expected;
    /** Random, so that an answer to another client's query is not taken for ours. */
    private final int id = ThreadLocalRandom.current().nextInt(1, 0x10000);

    DnsConversation(ConversationContext ctx, DnsQuestion question) {
        this.ctx = ctx;
        this.question = question;
        this.expected = new DnsResult.Question(question.name(), question.type(), question.dnsClass());
    }

    int id() {
        return id;
    }

    @Override
    public ByteBuf start() {
        return DnsWireCodec.encodeQuery(ctx.alloc(), ctx.protocol(), ctx.remote(), id, question);
    }

    @Override
    public Step onReceive(ByteBuf in) {
        boolean tcp = ctx.protocol() == Protocol.TCP;
        ByteBuf message = in;
        if (tcp) {
            if (in.readableBytes() < TCP_PREFIX_BYTES) {
                return Step.needMore();
            }
            int length = in.getUnsignedShort(in.readerIndex());
            ProtocolDecodeException.check(length >= DnsWireCodec.HEADER_BYTES, "DNS",
                    "TCP length prefix %d is shorter than a DNS header", length);
            if (in.readableBytes() < TCP_PREFIX_BYTES + length) {
                return Step.needMore();
            }
            message = in.slice(in.readerIndex() + TCP_PREFIX_BYTES, length);
            in.skipBytes(TCP_PREFIX_BYTES + length);
        }
        DnsResult answer = DnsWireCodec.decode(message, ctx.options().maxEntries());
        String mismatch = mismatch(answer);
        if (mismatch == null) {
            return Step.done(answer);
        }
        if (tcp) {
            throw new ProtocolDecodeException("DNS", mismatch);
        }
        log.debug("ignoring DNS datagram from {}: {}", ctx.remote(), mismatch);
        return Step.needMore();
    }

    /** @return why {@code answer} is not the reply to this query, or null when it is */
    private String mismatch(DnsResult answer) {
        if (answer.id() != id) {
            return "reply ID " + answer.id() + " does not match query ID " + id;
        }
        if (answer.question().isEmpty()) {
            // Servers may omit the question only when rejecting the query (e.g. FORMERR).
            return answer.isSuccess() ? "successful reply without the question" : null;
        }
        if (!answer.question().get().sameAs(expected)) {
            // The echoed name is the server's: escaped, as this message may reach a terminal or a log.
            return "reply question " + SafeText.escape(answer.question().get().toString()) + " does not match " + expected;
        }
        return null;
    }
}
