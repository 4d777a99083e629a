package dev.portqry.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conversation with plain buffers, no socket: what it sends and how it reads each reply. */
class RedisPingConversationTest {
    /** The context a probe of 127.0.0.1:6379 would give, with unpooled buffers. */
    private record Context(ProbeOptions options) implements ConversationContext {
        @Override
        public Protocol protocol() {
            return Protocol.TCP;
        }

        @Override
        public InetSocketAddress remote() {
            return new InetSocketAddress("127.0.0.1", RedisPingResponder.PORT);
        }

        @Override
        public Optional<String> targetName() {
            return Optional.empty();
        }

        @Override
        public ByteBufAllocator alloc() {
            return UnpooledByteBufAllocator.DEFAULT;
        }
    }

    private static final ConversationContext CONTEXT = new Context(ProbeOptions.defaults());

    private static Step receive(RedisPingConversation c, ByteBuf in) {
        try {
            return c.onReceive(in);
        } finally {
            in.release();
        }
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    void sendsPingAsARespArrayOfOneBulkString() {
        ByteBuf query = new RedisPingConversation(CONTEXT).start();
        try {
            assertThat(query.toString(StandardCharsets.US_ASCII)).isEqualTo("*1\r\n$4\r\nPING\r\n");
        } finally {
            query.release();
        }
    }

    @Test
    void pongIsTheAnswer() {
        Step step = receive(new RedisPingConversation(CONTEXT), ascii("+PONG\r\n"));
        RedisPingResult r = (RedisPingResult) ((Step.Done) step).result();
        assertThat(r.pong()).isTrue();
        assertThat(r.errorCode()).isEmpty();
        assertThat(r.reportLines()).containsExactly("Redis query response:", "PONG", "==== End of Redis query response ====");
        assertThat(r.summary()).isEqualTo("PONG");
    }

    @Test
    void aReplySplitAcrossReadsWaitsForTheLineEnd() {
        RedisPingConversation c = new RedisPingConversation(CONTEXT);
        ByteBuf cumulated = ascii("+PO");
        try {
            assertThat(c.onReceive(cumulated)).isEqualTo(Step.needMore());
            cumulated.writeBytes("NG\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.onReceive(cumulated)).isEqualTo(Step.needMore());
            cumulated.writeByte('\n');
            assertThat(((RedisPingResult) ((Step.Done) c.onReceive(cumulated)).result()).pong()).isTrue();
            assertThat(cumulated.readableBytes()).isZero();
        } finally {
            cumulated.release();
        }
    }

    @Test
    void errorsAreResultsNotExceptions() {
        RedisPingResult noauth = (RedisPingResult) ((Step.Done) receive(new RedisPingConversation(CONTEXT),
                ascii("-NOAUTH Authentication required.\r\n"))).result();
        assertThat(noauth.pong()).isFalse();
        assertThat(noauth.authenticationRequired()).isTrue();
        assertThat(noauth.errorCode()).contains("NOAUTH");
        assertThat(noauth.reportLines()).contains("Error: NOAUTH Authentication required.");

        RedisPingResult err = (RedisPingResult) ((Step.Done) receive(new RedisPingConversation(CONTEXT),
                ascii("-ERR unknown command\r\n"))).result();
        assertThat(err.errorCode()).contains("ERR");
        assertThat(err.authenticationRequired()).isFalse();
    }

    @Test
    void otherProtocolsAreDecodeErrors() {
        assertThatThrownBy(() -> receive(new RedisPingConversation(CONTEXT), ascii("SSH-2.0-OpenSSH_9.2\r\n")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("0x53");
        assertThatThrownBy(() -> receive(new RedisPingConversation(CONTEXT), ascii("+OK\r\n")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("expected +PONG");
        assertThatThrownBy(() -> receive(new RedisPingConversation(CONTEXT), ascii("$4\r\nPONG\r\n")))
                .isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> receive(new RedisPingConversation(CONTEXT), ascii("+PONG\n")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("CRLF");
        assertThatThrownBy(() -> receive(new RedisPingConversation(CONTEXT), ascii("\r\n")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("empty");
    }

    @Test
    void anEndlessLineIsCutOffAtTheCap() {
        RedisPingConversation c = new RedisPingConversation(CONTEXT);
        ByteBuf endless = Unpooled.buffer().writeByte('+');
        endless.writeBytes(ByteBufUtil.decodeHexDump("41".repeat(RedisPingConversation.MAX_LINE + 1)));
        assertThatThrownBy(() -> receive(c, endless)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("no CRLF");
    }

    @Test
    void aCloseBeforeTheLineIsADecodeError() {
        assertThatThrownBy(() -> new RedisPingConversation(CONTEXT).onPeerClosed())
                .isInstanceOf(ProtocolDecodeException.class);
    }
}
