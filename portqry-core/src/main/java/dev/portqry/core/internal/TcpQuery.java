package dev.portqry.core.internal;

import dev.portqry.core.PortState;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Step 2 over an established TCP connection, as bytes: reads into the {@link StepDriver},
 * writes what it sends, tells it when the peer goes away or
 * {@link dev.portqry.core.ProbeOptions#responderTimeout()} passes. The port is LISTENING
 * whatever happens here: the connection proved it.
 */
final class TcpQuery extends ChannelInboundHandlerAdapter implements StepDriver.Wire {
    private final TcpProbeRun run;
    private final Channel channel;
    private final ProtocolResponder responder;
    private final int attempts;
    private final StepDriver driver;
    private ScheduledFuture<?> deadline;

    TcpQuery(TcpProbeRun run, Channel channel, ProtocolResponder responder, int attempts) {
        this.run = run;
        this.channel = channel;
        this.responder = responder;
        this.attempts = attempts;
        this.driver = new StepDriver(responder, false, run.options.maxReplyBytes(), this, run.engine.events(), run.call);
    }

    void begin() {
        channel.pipeline().addLast("conversation", this);
        long ms = run.options.responderTimeout().toMillis();
        deadline = channel.eventLoop().schedule(() -> {
            try {
                driver.timedOut("no complete reply to the " + responder.displayName() + " query within " + ms + " ms");
            } catch (RuntimeException | Error e) {
                driver.failed(e); // a responder whose displayName or silenceHint throws
            }
        }, ms, TimeUnit.MILLISECONDS);
        if (!driver.open(run.conversationContext(channel.alloc()))) {
            return;
        }
        driver.sendQuery();
        if (!driver.finished()) {
            channel.config().setAutoRead(true);
            channel.read();
        }
    }

    @Override
    public ChannelFuture write(ByteBuf data) {
        return channel.writeAndFlush(data);
    }

    @Override
    public void writeFailed(Throwable cause, boolean query) {
        // A later message that fails shows up as the peer going away; only the query says so itself.
        if (query) {
            driver.finish(new ResponderOutcome.NoReply(responder.name(), "query could not be sent: " + cause.getMessage()));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf in) {
                driver.received(in);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
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
        if (driver.finished()) {
            return;
        }
        if (channel.eventLoop().isShuttingDown()) {
            // Our side closed it: the event loops are going away, the server said nothing.
            driver.release();
            cancelDeadline();
            run.fail(new IllegalStateException("PortProbe is closed: its event loop group is shut down"));
            return;
        }
        driver.peerClosed(why);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    public void finish(ResponderOutcome outcome) {
        cancelDeadline();
        run.complete(PortState.LISTENING, PortState.LISTENING, attempts, "connection accepted", outcome);
        channel.close();
    }
}
