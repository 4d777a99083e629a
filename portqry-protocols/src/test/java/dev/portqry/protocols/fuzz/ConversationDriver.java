package dev.portqry.protocols.fuzz;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Feeds a fuzzed reply to a {@link Conversation} the way the probe engine does: over TCP into
 * one cumulation buffer in random chunk sizes (leaving unread bytes for the next call, capped at
 * {@code maxReplyBytes}, sends released, at most 1024 steps per read), then the peer closes;
 * over UDP as separate datagrams, with an occasional retry in between.
 */
final class ConversationDriver {
    /** As the engine: a conversation that keeps sending without reading is stopped. */
    private static final int MAX_STEPS_PER_READ = 1024;

    private final ConversationContext ctx;
    private final Function<ConversationContext, Conversation> open;
    private final BinaryOperator<byte[]> echo;

    ConversationDriver(ConversationContext ctx, Function<ConversationContext, Conversation> open, BinaryOperator<byte[]> echo) {
        this.ctx = ctx;
        this.open = open;
        this.echo = echo;
    }

    DecoderFuzz.Outcome tcp(byte[] seed, UnaryOperator<byte[]> mutation, Attempt a) {
        Conversation c = open.apply(ctx);
        byte[] reply = mutation.apply(echo.apply(drain(c.start()), seed));
        a.input(reply);
        StringBuilder chunks = new StringBuilder("chunk sizes:");
        a.extra(chunks);
        ByteBuf cumulation = Unpooled.buffer(256);
        try {
            for (int pos = 0; pos < reply.length; ) {
                int n = Math.min(reply.length - pos, chunkSize(a.random()));
                chunks.append(' ').append(n);
                cumulation.discardSomeReadBytes();
                cumulation.writeBytes(reply, pos, n);
                pos += n;
                if (pos > ctx.options().maxReplyBytes()) {
                    return DecoderFuzz.Outcome.INCOMPLETE; // the engine stops here: reply larger than the cap
                }
                DecoderFuzz.Outcome o = drive(c, cumulation);
                if (o != null) {
                    return o;
                }
            }
            Step last = c.onPeerClosed();
            if (last instanceof Step.Done done) {
                return DecoderFuzz.exercise(done.result());
            }
            release(last);
            return DecoderFuzz.Outcome.INCOMPLETE;
        } finally {
            cumulation.release();
        }
    }

    /** @return the outcome when the conversation finished, null when it wants more bytes */
    private static DecoderFuzz.Outcome drive(Conversation c, ByteBuf cumulation) {
        for (int i = 0; i < MAX_STEPS_PER_READ; i++) {
            int before = cumulation.readerIndex();
            Step step = c.onReceive(cumulation);
            if (step instanceof Step.Done done) {
                return DecoderFuzz.exercise(done.result());
            }
            release(step);
            if (!(step instanceof Step.Send) || !cumulation.isReadable() || cumulation.readerIndex() == before) {
                return null;
            }
        }
        throw new ProtocolDecodeException("fuzz", "conversation did not make progress"); // what the engine reports
    }

    DecoderFuzz.Outcome udp(byte[] seed, UnaryOperator<byte[]> mutation, Attempt a, byte[] otherSeed) {
        Random random = a.random();
        Conversation c = open.apply(ctx);
        byte[] query = drain(c.start());
        int datagrams = 1 + random.nextInt(3);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        StringBuilder sizes = new StringBuilder("datagram sizes:");
        a.extra(sizes);
        for (int k = 0; k < datagrams; k++) {
            if (k > 0 && random.nextInt(4) == 0) {
                query = drain(c.start());
                sizes.append(" retry");
            }
            byte[] d = mutation.apply(echo.apply(query, k == 0 || random.nextBoolean() ? seed : otherSeed));
            all.writeBytes(d);
            a.input(all.toByteArray());
            sizes.append(' ').append(d.length);
            ByteBuf in = Unpooled.wrappedBuffer(d);
            try {
                Step step = c.onReceive(in);
                if (step instanceof Step.Done done) {
                    return DecoderFuzz.exercise(done.result());
                }
                release(step);
            } finally {
                in.release();
            }
        }
        return DecoderFuzz.Outcome.INCOMPLETE;
    }

    private static int chunkSize(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(8);
            case 1 -> 1 + random.nextInt(64);
            case 2 -> 1 + random.nextInt(1500);
            default -> Integer.MAX_VALUE;
        };
    }

    private static byte[] drain(ByteBuf query) {
        try {
            return ByteBufUtil.getBytes(query);
        } finally {
            query.release();
        }
    }

    private static void release(Step step) {
        if (step instanceof Step.Send send) {
            send.data().release();
        }
    }
}
