package dev.portqry.core;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A test responder: sends {@code PING <word>\n} and expects one line back, which must start
 * with {@code +}; anything else is a decode error. Claims TCP and UDP 7777 and the service name
 * {@code lineproto}.
 */
final class LineResponder implements ProtocolResponder {
    static final ResponderSetting<String> WORD = ResponderSetting.of("line.word", String.class, "hello");

    record LineResult(String line) implements ResponderResult {
        @Override
        public List<String> reportLines() {
            return List.of("Line response:", line, "==== End of line response ====");
        }
    }

    private final String name;
    private final int priority;

    LineResponder() {
        this("line", 0);
    }

    LineResponder(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String displayName() {
        return "LINE";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(7777), PortClaim.udp(7777));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("lineproto");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return true;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public String silenceHint() {
        return "is the line server up?";
    }

    @Override
    public Conversation open(ConversationContext ctx) {
        return new Conversation() {
            @Override
            public ByteBuf start() {
                return ByteBufUtil.writeAscii(ctx.alloc(), "PING " + ctx.setting(WORD) + "\n");
            }

            @Override
            public Step onReceive(ByteBuf in) {
                int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                if (eol < 0) {
                    if (ctx.protocol() == Protocol.UDP) {
                        throw new ProtocolDecodeException("LINE", "datagram without a line end");
                    }
                    return Step.needMore();
                }
                String line = in.readCharSequence(eol - in.readerIndex(), StandardCharsets.US_ASCII).toString();
                in.skipBytes(1);
                ProtocolDecodeException.check(line.startsWith("+"), "LINE", "reply must start with +, was %s", line);
                return Step.done(new LineResult(line));
            }
        };
    }
}
