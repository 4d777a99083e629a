package dev.portqry.ui;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reads one request at a time off a connection, within deadlines and a body cap, and passes it
 * on whole as a {@link Request}. Its phases and their deadlines ({@link HttpLimits}):
 * <pre>
 * IDLE      connection open, no byte of a request yet   idle timeout   then closed quietly
 * HEADERS   first byte arrived, headers not complete     header timeout then 408 and closed
 * BODY      headers complete, body not complete          body timeout   then 408 and closed
 * HANDLING  request passed on, response not yet sent     none (the response has its write deadline)
 * </pre>
 * A declared or actual body above the cap is answered 413, a request line or headers above
 * their caps 414 or 431, anything the HTTP decoder refuses 400; each then closes the connection.
 * A request sent before the previous one was answered (pipelining, which no browser does) closes it.
 */
final class RequestReader extends ChannelInboundHandlerAdapter {
    /**
     * A request that arrived whole.
     *
     * @param head the request line and headers
     * @param body the body's bytes, empty when none
     */
    record Request(HttpRequest head, byte[] body) {
    }

    private enum Phase { IDLE, HEADERS, BODY, HANDLING }

    private final HttpLimits limits;
    private final AnswerWriter writer;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    private ScheduledFuture<?> timer;
    private HttpRequest head;
    private ByteArrayOutputStream body;

    /**
     * @param limits the deadlines and the body cap
     * @param writer answers 408, 413 and 400
     */
    RequestReader(HttpLimits limits, AnswerWriter writer) {
        this.limits = limits;
        this.writer = writer;
    }

    /** @return the handler that goes before the HTTP decoder and tells this reader when bytes arrive */
    RawWatch rawWatch() {
        return new RawWatch(this);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        arm(Phase.IDLE, limits.idleTimeout());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    /** The response to the current request was written and the connection stays open: wait for the next. */
    void requestDone() {
        if (ctx.channel().isActive()) {
            arm(Phase.IDLE, limits.idleTimeout());
        }
    }

    private void bytesArrived() {
        if (phase == Phase.IDLE) {
            arm(Phase.HEADERS, limits.headerTimeout());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closing()) {
                return;
            }
            if (msg instanceof HttpRequest r && !onHead(r)) {
                return;
            }
            if (msg instanceof HttpContent c) {
                onContent(c);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean onHead(HttpRequest r) {
        if (phase == Phase.HANDLING || head != null) {
            ctx.close(); // pipelined: no browser does it, and answering in order would need a queue
            return false;
        }
        if (r.decoderResult().isFailure()) {
            refuseBadRequest(r.decoderResult().cause());
            return false;
        }
        long declared = HttpUtil.getContentLength(r, -1L);
        if (declared > limits.maxBodyBytes()) {
            refuse(413, "The request body is larger than " + limits.maxBodyBytes() + " bytes");
            return false;
        }
        if (HttpUtil.is100ContinueExpected(r)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        head = r;
        body = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, limits.maxBodyBytes())));
        arm(Phase.BODY, limits.bodyTimeout());
        return true;
    }

    private void onContent(HttpContent c) {
        if (c.decoderResult().isFailure()) {
            refuseBadRequest(c.decoderResult().cause());
            return;
        }
        if (head == null) {
            return; // the end of a request already refused
        }
        ByteBuf in = c.content();
        if (body.size() + in.readableBytes() > limits.maxBodyBytes()) {
            refuse(413, "The request body is larger than " + limits.maxBodyBytes() + " bytes");
            return;
        }
        body.writeBytes(ByteBufUtil.getBytes(in));
        if (c instanceof LastHttpContent) {
            cancel();
            phase = Phase.HANDLING;
            Request whole = new Request(head, body.toByteArray());
            head = null;
            body = null;
            ctx.fireChannelRead(whole);
        }
    }

    private void refuseBadRequest(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            refuse(414, "The request line is longer than " + HttpLimits.MAX_REQUEST_LINE + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException) {
            refuse(431, "The request headers are longer than " + HttpLimits.MAX_HEADER_BYTES + " bytes");
        } else if (cause instanceof TooLongFrameException) {
            refuse(413, "The request is too large");
        } else {
            refuse(400, "The request is not valid HTTP/1.1");
        }
    }

    private void refuse(int status, String message) {
        cancel();
        phase = Phase.HANDLING;
        head = null;
        body = null;
        writer.refuse(ctx.channel(), status, message);
    }

    private boolean closing() {
        return Boolean.TRUE.equals(ctx.channel().attr(AnswerWriter.CLOSING).get());
    }

    private void arm(Phase next, Duration timeout) {
        cancel();
        phase = next;
        timer = ctx.executor().schedule(() -> expired(next), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expired(Phase was) {
        if (phase != was || closing()) {
            return;
        }
        if (was == Phase.IDLE) {
            ctx.close();
        } else {
            refuse(408, was == Phase.HEADERS
                    ? "The request headers did not arrive within " + limits.headerTimeout().toMillis() + " ms"
                    : "The request body did not arrive within " + limits.bodyTimeout().toMillis() + " ms");
        }
    }

    /**
     * Sits before the HTTP decoder: the first byte of a request starts its header deadline, and a
     * connection being refused has its input thrown away. Without a reader it throws away everything.
     */
    static final class RawWatch extends ChannelInboundHandlerAdapter {
        private final RequestReader reader;

        /** @param reader told of each read, null to throw every read away */
        RawWatch(RequestReader reader) {
            this.reader = reader;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (reader == null || Boolean.TRUE.equals(ctx.channel().attr(AnswerWriter.CLOSING).get())) {
                ReferenceCountUtil.release(msg);
                return;
            }
            reader.bytesArrived();
            ctx.fireChannelRead(msg);
        }
    }
}
