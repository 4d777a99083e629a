package dev.portqry.core.internal;

import dev.portqry.core.ProbeListener;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.util.ReferenceCountUtil;

/**
 * Step 2, whatever carries the bytes: opens the responder's {@link Conversation}, writes its
 * query, drives its {@link Step}s over what arrives, caps the reply at
 * {@link dev.portqry.core.ProbeOptions#maxReplyBytes()}, keeps the first bytes for an
 * {@link ResponderOutcome.Unparseable}, sends the farewell, and turns every ending (answer,
 * decode error, cap, peer gone, silence) into a {@link ResponderOutcome}. The runs only move
 * bytes: a {@link Wire} writes for it and receives the outcome. Event-loop confined.
 *
 * <p>On a stream (TCP) what arrives is accumulated and fed until the conversation needs more;
 * on datagrams each one is fed alone, and the first bytes kept are those of the last datagram.
 */
final class StepDriver {
    /** A conversation that sends again and again without reading is a bug: stop it. */
    private static final int MAX_STEPS_PER_READ = 1024;

    /** How the bytes move, and where the outcome goes: what a run gives the driver. */
    interface Wire {
        /** Writes to the target (the query, a later message, the farewell); the write releases {@code data}. */
        ChannelFuture write(ByteBuf data);

        /** A write failed; {@code query} tells whether it was an attempt's first query. */
        void writeFailed(Throwable cause, boolean query);

        /** Step 2 ended with {@code outcome}; called at most once. */
        void finish(ResponderOutcome outcome);
    }

    private final ProtocolResponder responder;
    private final boolean datagram;
    private final int maxBytes;
    private final Wire wire;
    private final ProbeEvents events;
    private final ProbeListener.Call call;
    private Conversation conversation;
    private ByteBuf cumulation;
    private byte[] firstBytes = new byte[0];
    private long received;
    private boolean finished;

    StepDriver(ProtocolResponder responder, boolean datagram, int maxBytes, Wire wire, ProbeEvents events,
               ProbeListener.Call call) {
        this.responder = responder;
        this.datagram = datagram;
        this.maxBytes = maxBytes;
        this.wire = wire;
        this.events = events;
        this.call = call;
    }

    /** @return whether step 2 has ended */
    boolean finished() {
        return finished;
    }

    /**
     * Opens the conversation.
     *
     * @return false when the responder failed to (step 2 then ended as unparseable)
     */
    boolean open(ConversationContext context) {
        try {
            conversation = responder.open(context);
            return true;
        } catch (RuntimeException | Error e) {
            unbuildable(e);
            return false;
        }
    }

    /** Writes the conversation's query (again, for a datagram retry); a failure to build it ends step 2. */
    void sendQuery() {
        ByteBuf query;
        try {
            query = conversation.start();
        } catch (RuntimeException | Error e) {
            unbuildable(e);
            return;
        }
        if (query.isReadable() || datagram) {
            write(query, true);
        } else {
            query.release();
        }
    }

    private void unbuildable(Throwable e) {
        finish(new ResponderOutcome.Unparseable(responder.name(), "query could not be built: " + e.getMessage(), new byte[0]));
    }

    private void write(ByteBuf data, boolean query) {
        int bytes = data.readableBytes();
        wire.write(data).addListener(f -> {
            if (f.isSuccess()) {
                events.queryWritten(call, bytes);
            } else {
                wire.writeFailed(f.cause(), query);
            }
        });
    }

    /**
     * Feeds bytes from the target. The caller keeps ownership of {@code in} and releases it.
     *
     * @param in a TCP read or one datagram's payload
     */
    void received(ByteBuf in) {
        if (finished) {
            return;
        }
        events.replyReceived(call, in.readableBytes());
        received += in.readableBytes();
        if (datagram) {
            firstBytes = firstBytes(in);
        } else if (firstBytes.length < ResponderOutcome.Unparseable.MAX_KEPT_BYTES) {
            keepFirstBytes(in);
        }
        if (received > maxBytes) {
            finish(new ResponderOutcome.Unparseable(responder.name(), "reply larger than the cap of " + maxBytes + " bytes",
                    firstBytes));
            return;
        }
        if (datagram) {
            step(in);
            return;
        }
        if (cumulation == null) {
            cumulation = in.alloc().buffer(Math.min(maxBytes, Math.max(256, in.readableBytes())));
        }
        cumulation.discardSomeReadBytes();
        cumulation.writeBytes(in);
        for (int i = 0; i < MAX_STEPS_PER_READ && !finished; i++) {
            int before = cumulation.readerIndex();
            if (!step(cumulation) || !cumulation.isReadable() || cumulation.readerIndex() == before) {
                return;
            }
        }
        if (!finished) {
            failed(new ProtocolDecodeException(responder.displayName(), "conversation did not make progress"));
        }
    }

    /** @return whether the conversation sent a message and may have more to read at once */
    private boolean step(ByteBuf in) {
        Step step;
        try {
            step = conversation.onReceive(in);
        } catch (RuntimeException | Error e) {
            failed(e);
            return false;
        }
        if (step instanceof Step.Done done) {
            if (done.farewell() != null) {
                // Written before finish() lets the run close the channel, so it reaches the socket.
                write(done.farewell(), false);
            }
            finish(new ResponderOutcome.Answered(responder.name(), done.result()));
            return false;
        }
        if (step instanceof Step.Send send) {
            write(send.data(), false);
            return true;
        }
        return false;
    }

    /**
     * The stream ended or broke before the conversation was done.
     *
     * @param why what happened, e.g. "connection closed by the server"
     */
    void peerClosed(String why) {
        if (finished) {
            return;
        }
        if (received == 0) {
            finish(new ResponderOutcome.NoReply(responder.name(), why + " before any reply"));
            return;
        }
        try {
            Step step = conversation.onPeerClosed();
            if (step instanceof Step.Done done) {
                ReferenceCountUtil.release(done.farewell());
                finish(new ResponderOutcome.Answered(responder.name(), done.result()));
                return;
            }
            if (step instanceof Step.Send send) {
                send.data().release();
            }
            failed(new ProtocolDecodeException(responder.displayName(), why + " before the reply was complete"));
        } catch (RuntimeException | Error e) {
            failed(e);
        }
    }

    /**
     * The stream's deadline passed: a partial reply is unparseable, no reply at all is silence.
     *
     * @param reason what timed out
     */
    void timedOut(String reason) {
        if (finished) {
            return;
        }
        if (received > 0) {
            finish(new ResponderOutcome.Unparseable(responder.name(), reason + " (" + received + " bytes received)", firstBytes));
        } else {
            finish(noReply(reason));
        }
    }

    /**
     * @param reason why no reply came
     * @return a no-reply outcome whose reason carries the responder's silence hint, if any
     */
    ResponderOutcome.NoReply noReply(String reason) {
        return new ResponderOutcome.NoReply(responder.name(), withHint(reason));
    }

    /**
     * @param reason why no reply came
     * @return the reason followed by the responder's {@link ProtocolResponder#silenceHint()}
     */
    String withHint(String reason) {
        String hint = responder.silenceHint();
        return hint.isEmpty() ? reason : reason + "; " + hint;
    }

    /** Ends step 2 with a fault of the conversation (or of the responder's own methods) as a decode error. */
    void failed(Throwable e) {
        ProtocolDecodeException error;
        try {
            error = e instanceof RuntimeException re ? ProtocolDecodeException.wrap(responder.displayName(), re)
                    : new ProtocolDecodeException(responder.displayName(), "responder fault (" + e + ")", e);
        } catch (RuntimeException | Error x) {
            // displayName() itself throws: name the responder by its registry name instead.
            error = new ProtocolDecodeException(responder.name(), "responder fault (" + e + ")", e);
        }
        finish(new ResponderOutcome.Unparseable(responder.name(), error.getMessage(), firstBytes));
    }

    /**
     * Ends step 2: releases what the driver holds and hands the outcome to the wire.
     *
     * @param outcome how it ended
     */
    void finish(ResponderOutcome outcome) {
        if (finished) {
            return;
        }
        release();
        wire.finish(outcome);
    }

    /** Frees the accumulated reply; step 2 is over (the run ended it another way). */
    void release() {
        finished = true;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    private void keepFirstBytes(ByteBuf in) {
        int room = ResponderOutcome.Unparseable.MAX_KEPT_BYTES - firstBytes.length;
        int n = Math.min(room, in.readableBytes());
        byte[] more = new byte[firstBytes.length + n];
        System.arraycopy(firstBytes, 0, more, 0, firstBytes.length);
        in.getBytes(in.readerIndex(), more, firstBytes.length, n);
        firstBytes = more;
    }

    private static byte[] firstBytes(ByteBuf buf) {
        int n = Math.min(buf.readableBytes(), ResponderOutcome.Unparseable.MAX_KEPT_BYTES);
        byte[] out = new byte[n];
        buf.getBytes(buf.readerIndex(), out);
        return out;
    }
}
