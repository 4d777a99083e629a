package dev.portqry.ui;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A server-sent event stream (HTML Living Standard section 9.2) with back-pressure: events are
 * queued by any thread and written on the event loop only while the connection is writable, so
 * a client that does not read costs a queue of references, never a growing socket buffer; the
 * connection's {@link WriteDeadline} then drops it. A comment line every heartbeat keeps proxies
 * from timing out and finds a closed page. {@link #end()} closes the stream after what is queued.
 */
final class SseStream {
    /**
     * Frames queued for one stream before it is dropped as not reading: more than the events of
     * the largest query (131,070 ports, start and end). A queued frame holds references to its
     * strings, not a copy: the bytes are made only when the connection can take them.
     */
    static final int MAX_QUEUED = 150_000;

    private static final String KEEP_ALIVE = ": keep-alive\n\n";
    private static final Frame END = new Frame(null, null);

    /**
     * One queued frame: an event, or a raw field line when {@code event} is null.
     *
     * @param event the event name, null for a raw frame
     * @param data the event's data, or the raw frame
     */
    private record Frame(String event, String data) {
        String text() {
            if (event == null) {
                return data;
            }
            StringBuilder f = new StringBuilder(event.length() + data.length() + 16).append("event: ").append(event).append('\n');
            for (String line : data.split("\n", -1)) {
                f.append("data: ").append(line).append('\n');
            }
            return f.append('\n').toString();
        }
    }

    private final Channel channel;
    private final AnswerWriter writer;
    private final Duration heartbeat;
    private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private boolean started;
    private ScheduledFuture<?> beat;

    SseStream(Channel channel, AnswerWriter writer, Duration heartbeat) {
        this.channel = channel;
        this.writer = writer;
        this.heartbeat = heartbeat;
    }

    /** Sends the response's head and whatever is queued; any thread. */
    void start() {
        execute(() -> {
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            writer.defend(r.headers());
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            HttpUtil.setTransferEncodingChunked(r, true);
            // The connection closes after the stream: said up front, a client never pools it for its next request.
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            channel.write(r);
            channel.pipeline().addLast("sse", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                    drain();
                    ctx.fireChannelWritabilityChanged();
                }
            });
            long ms = heartbeat.toMillis();
            beat = channel.eventLoop().scheduleAtFixedRate(this::keepAlive, ms, ms, TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(f -> beat.cancel(false));
            started = true;
            drain();
            channel.flush();
        });
    }

    /**
     * Answers with a whole response instead of a stream (before {@link #start()}), then closes.
     *
     * @param a the answer
     */
    void decline(HttpAnswer a) {
        writer.write(channel, a, false, true).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Queues an event; any thread, never blocks.
     *
     * @param event the event name
     * @param data its data; each line becomes a {@code data:} line
     */
    void send(String event, String data) {
        enqueue(new Frame(Objects.requireNonNull(event, "event"), Objects.requireNonNull(data, "data")));
    }

    /**
     * Queues the reconnection time the browser should use.
     *
     * @param wait the time
     */
    void retry(Duration wait) {
        enqueue(new Frame(null, "retry: " + wait.toMillis() + "\n\n"));
    }

    /** Ends the stream once what is queued is written, and closes the connection. */
    void end() {
        enqueue(END);
    }

    /**
     * @param listener told once the connection closed: true when it was dropped because the
     *        client did not read, false when the client closed it or the stream ended
     */
    void onClose(Consumer<Boolean> listener) {
        channel.closeFuture().addListener(f -> listener.accept(WriteDeadline.stalled(channel)));
    }

    private void enqueue(Frame frame) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            execute(() -> {
                channel.attr(WriteDeadline.STALLED).set(true);
                channel.close();
            });
            return;
        }
        frames.add(frame);
        execute(this::drain);
    }

    private void drain() {
        if (!started || !channel.isActive()) {
            return;
        }
        boolean wrote = false;
        while (channel.isWritable()) {
            Frame f = frames.poll();
            if (f == null) {
                break;
            }
            queued.decrementAndGet();
            if (f == END) {
                beat.cancel(false);
                channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            channel.write(new DefaultHttpContent(ByteBufUtil.writeUtf8(channel.alloc(), f.text())));
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    private void keepAlive() {
        if (frames.isEmpty() && channel.isWritable()) {
            channel.writeAndFlush(new DefaultHttpContent(ByteBufUtil.writeAscii(channel.alloc(), KEEP_ALIVE)));
        }
    }

    private void execute(Runnable r) {
        try {
            channel.eventLoop().execute(r);
        } catch (RejectedExecutionException e) {
            // the server is stopping: its channels are closing anyway
        }
    }
}
