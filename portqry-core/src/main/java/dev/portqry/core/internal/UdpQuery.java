package dev.portqry.core.internal;

import dev.portqry.core.PortState;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * UDP step 2, as datagrams: sends the responder's query up to
 * {@link dev.portqry.core.ProbeOptions#udpAttempts()} times, feeds each datagram from the
 * target to the {@link StepDriver}, and turns what ends step 2 into the port's verdict: an
 * answer (even an unparseable one) is LISTENING, ICMP port unreachable NOT LISTENING, silence
 * keeps LISTENING or turns LISTENING-OR-FILTERED into FILTERED.
 */
final class UdpQuery extends ChannelInboundHandlerAdapter implements StepDriver.Wire {
    private final UdpProbeRun run;
    private final ProtocolResponder responder;
    private final PortState initial;
    private final String initialReason;
    private final boolean anyPort;
    private final StepDriver driver;
    private int attempts;
    private Channel channel;

    UdpQuery(UdpProbeRun run, ProtocolResponder responder, PortState initial, String initialReason) {
        this.run = run;
        this.responder = responder;
        this.initial = initial;
        this.initialReason = initialReason;
        this.anyPort = responder.acceptsRepliesFromAnyPort();
        this.driver = new StepDriver(responder, true, run.options.maxReplyBytes(), this, run.engine.events(), run.call);
    }

    void begin(Channel ch) {
        this.channel = ch;
        if (driver.open(run.conversationContext(ch.alloc()))) {
            send();
        }
    }

    private void send() {
        if (run.future.isDone()) {
            return;
        }
        attempts++;
        driver.sendQuery();
    }

    @Override
    public ChannelFuture write(ByteBuf data) {
        // Armed before the write: the deadline must not depend on the write succeeding.
        run.arm(channel, this::timedOut);
        return channel.writeAndFlush(anyPort ? new DatagramPacket(data, run.remote) : data);
    }

    @Override
    public void writeFailed(Throwable cause, boolean query) {
        run.guarded(() -> error(cause));
    }

    private void timedOut() {
        if (attempts < run.options.udpAttempts()) {
            send();
            return;
        }
        ResponderOutcome.NoReply silence = driver.noReply("no reply to the " + responder.displayName() + " query after "
                + ProbeRun.attemptsText(attempts, run.options.effectiveUdpTimeout()));
        PortState verdict = initial == PortState.LISTENING ? PortState.LISTENING : PortState.FILTERED;
        end(verdict, verdict == PortState.LISTENING ? initialReason : silence.reason(), silence);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            ByteBuf in = UdpProbeRun.payload(msg);
            if (run.future.isDone() || in == null) {
                return;
            }
            if (anyPort && msg instanceof DatagramPacket p && !p.sender().getAddress().equals(run.remote.getAddress())) {
                run.engine.events().datagramIgnored(run.call, p.sender());
                return;
            }
            driver.received(in);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        error(cause);
    }

    private void error(Throwable cause) {
        if (run.future.isDone()) {
            return;
        }
        NetworkError e = NetworkError.classify(cause);
        run.engine.events().networkError(run.call, cause, e.reason());
        switch (e) {
            case PORT_UNREACHABLE, REFUSED -> end(PortState.NOT_LISTENING, NetworkError.PORT_UNREACHABLE.reason(),
                    new ResponderOutcome.NoReply(responder.name(), NetworkError.PORT_UNREACHABLE.reason()));
            case HOST_UNREACHABLE, NET_UNREACHABLE, PROHIBITED, LOCAL_FIREWALL ->
                    end(PortState.FILTERED, e.reason(), new ResponderOutcome.NoReply(responder.name(), e.reason()));
            default -> {
                // Not an ICMP verdict: keep waiting for a reply or the deadline.
            }
        }
    }

    /** The driver ended step 2: whatever the target said, it answered, so the port listens. */
    @Override
    public void finish(ResponderOutcome outcome) {
        end(PortState.LISTENING, initial == PortState.LISTENING ? initialReason : "reply to the " + responder.displayName() + " query",
                outcome);
    }

    private void end(PortState state, String reason, ResponderOutcome outcome) {
        driver.release();
        run.cancelTimer();
        run.complete(state, initial, run.plainAttempts, reason, outcome);
    }
}
