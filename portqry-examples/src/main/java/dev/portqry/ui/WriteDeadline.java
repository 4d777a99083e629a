package dev.portqry.ui;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a connection whose client does not read: once its outbound buffer is over the high water
 * mark (the channel is not writable), the response must make progress (fewer bytes pending)
 * within each write timeout, or the connection is closed and marked {@link #STALLED}. A slow
 * client that reads keeps its connection; one that reads nothing loses it.
 */
final class WriteDeadline extends ChannelInboundHandlerAdapter {
    /** Set on a connection closed because its client stopped reading. */
    static final AttributeKey<Boolean> STALLED = AttributeKey.valueOf(WriteDeadline.class, "stalled");

    private static final Logger log = LoggerFactory.getLogger(WriteDeadline.class);

    private final long timeoutMillis;
    private ScheduledFuture<?> check;
    private long pending;

    /** @param timeout the longest time without progress */
    WriteDeadline(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * @param ch a connection
     * @return whether it was closed because its client stopped reading
     */
    static boolean stalled(Channel ch) {
        return Boolean.TRUE.equals(ch.attr(STALLED).get());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            cancel();
        } else if (check == null) {
            arm(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void arm(ChannelHandlerContext ctx) {
        pending = ctx.channel().bytesBeforeWritable();
        check = ctx.executor().schedule(() -> onCheck(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void onCheck(ChannelHandlerContext ctx) {
        check = null;
        Channel ch = ctx.channel();
        if (ch.isWritable() || !ch.isActive()) {
            return;
        }
        if (ch.bytesBeforeWritable() < pending) {
            arm(ctx); // slow, but reading
            return;
        }
        log.debug("{}: the client read nothing for {} ms; closing", ch.remoteAddress(), timeoutMillis);
        ch.attr(STALLED).set(true);
        ch.close();
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
