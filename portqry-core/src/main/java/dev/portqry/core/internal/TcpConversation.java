package dev.portqry.core.internal;

import dev.portqry.core.PortState;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Step 2 over an established TCP connection: sends the responder's query, accumulates the reply
 * up to {@link dev.portqry.core.ProbeOptions#maxReplyBytes()}, and feeds it to the
 * {@link Conversation} until it is done, the peer closes, or the deadline passes. The port is
 * LISTENING whatever happens here: the connection proved it.
 */
final class TcpConversation extends ChannelInboundHandlerAdapter {
    /** A conversation that sends again and again without reading is a bug: stop it. */
    private static final int MAX_STEPS_PER_READ = 1024;

    private final TcpProbeRun run;
    private final Channel channel;
    private final ProtocolResponder responder;
    private final int attempts;
    private final int maxBytes;
    private Conversation conversation;
    private ByteBuf cumulation;
    private byte[] firstBytes = new byte[0];
    private long received;
    private ScheduledFuture<?> deadline;
    private boolean finished;

    TcpConversation(TcpProbeRun run, Channel channel, ProtocolResponder responder, int attempts) {
        this.run = run;
        this.channel = channel;
        this.responder = responder;
        this.attempts = attempts;
        this.maxBytes = run.options.maxReplyBytes();
    }

    void begin() {
        channel.pipeline().addLast("conversation", this);
        long ms = run.options.responderTimeout().toMillis();
        deadline = channel.eventLoop().schedule(() -> {
            try {
                onDeadline();
            } catch (RuntimeException | Error e) {
                decodeFailed(e); // a responder whose displayName or silenceHint throws
            }
        }, ms, TimeUnit.MILLISECONDS);
        ByteBuf query;
        try {
            conversation = responder.open(run.conversationContext(channel.alloc()));
            query = conversation.start();
        } catch (RuntimeException | Error e) {
            finish(new ResponderOutcome.Unparseable(responder.name(), "query could not be built: " + e.getMessage(), new byte[0]));
            return;
        }
        if (query.isReadable()) {
            channel.writeAndFlush(query).addListener(f -> {
                if (!f.isSuccess()) {
                    finish(new ResponderOutcome.NoReply(responder.name(), "query could not be sent: " + f.cause().getMessage()));
                }
            });
        } else {
            query.release();
        }
        channel.config().setAutoRead(true);
        channel.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (finished || !(msg instanceof ByteBuf in)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            received += in.readableBytes();
            if (cumulation == null) {
                cumulation = ctx.alloc().buffer(Math.min(maxBytes, Math.max(256, in.readableBytes())));
            }
            if (firstBytes.length < ResponderOutcome.Unparseable.MAX_KEPT_BYTES) {
                keepFirstBytes(in);
            }
            if (received > maxBytes) {
                finish(new ResponderOutcome.Unparseable(responder.name(),
                        "reply larger than the cap of " + maxBytes + " bytes", firstBytes));
                return;
            }
            cumulation.discardSomeReadBytes();
            cumulation.writeBytes(in);
        } finally {
            in.release();
        }
        drive();
    }

    private void keepFirstBytes(ByteBuf in) {
        int room = ResponderOutcome.Unparseable.MAX_KEPT_BYTES - firstBytes.length;
        int n = Math.min(room, in.readableBytes());
        byte[] more = new byte[firstBytes.length + n];
        System.arraycopy(firstBytes, 0, more, 0, firstBytes.length);
        in.getBytes(in.readerIndex(), more, firstBytes.length, n);
        firstBytes = more;
    }

    private void drive() {
        for (int i = 0; i < MAX_STEPS_PER_READ && !finished; i++) {
            Step step;
            int before = cumulation.readerIndex();
            try {
                step = conversation.onReceive(cumulation);
            } catch (RuntimeException | Error e) {
                decodeFailed(e);
                return;
            }
            if (step instanceof Step.Done done) {
                if (done.farewell() != null) {
                    // Flushed on the event loop before finish() closes the channel, so it reaches the socket.
                    channel.writeAndFlush(done.farewell());
                }
                finish(new ResponderOutcome.Answered(responder.name(), done.result()));
                return;
            }
            if (step instanceof Step.Send send) {
                channel.writeAndFlush(send.data());
                if (cumulation.isReadable() && cumulation.readerIndex() != before) {
                    continue;
                }
            }
            return;
        }
        if (!finished) {
            decodeFailed(new ProtocolDecodeException(responder.displayName(), "conversation did not make progress"));
        }
    }

    private void decodeFailed(Throwable e) {
        finish(new ResponderOutcome.Unparseable(responder.name(), run.asDecodeError(e).getMessage(), firstBytes));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        peerGone("connection closed by the server");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        peerGone(cause instanceof IOException ? "connection failed: " + cause.getMessage() : String.valueOf(cause));
    }

    private void peerGone(String why) {
        if (finished) {
            return;
        }
        if (channel.eventLoop().isShuttingDown()) {
            // Our side closed it: the event loops are going away, the server said nothing.
            finished = true;
            release();
            run.fail(new IllegalStateException("PortProbe is closed: its event loop group is shut down"));
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
            decodeFailed(new ProtocolDecodeException(responder.displayName(), why + " before the reply was complete"));
        } catch (RuntimeException | Error e) {
            decodeFailed(e);
        }
    }

    private void onDeadline() {
        if (finished) {
            return;
        }
        String reason = "no complete reply to the " + responder.displayName() + " query within "
                + run.options.responderTimeout().toMillis() + " ms";
        if (received > 0) {
            finish(new ResponderOutcome.Unparseable(responder.name(), reason + " (" + received + " bytes received)", firstBytes));
        } else {
            String hint = responder.silenceHint();
            finish(new ResponderOutcome.NoReply(responder.name(), hint.isEmpty() ? reason : reason + "; " + hint));
        }
    }

    private void release() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    private void finish(ResponderOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        release();
        run.complete(PortState.LISTENING, PortState.LISTENING, attempts, "connection accepted", outcome);
        channel.close();
    }
}
