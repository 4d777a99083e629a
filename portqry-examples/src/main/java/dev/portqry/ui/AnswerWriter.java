package dev.portqry.ui;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes whole responses with the server's defensive headers, and refuses a connection: the
 * error answer, then a lingering close (the output is shut first and the input drained for up to
 * {@value #LINGER_MILLIS} ms, so that a client still sending does not get a reset that would
 * destroy the answer before it reads it).
 */
final class AnswerWriter {
    /** Set on a connection that is being refused: whatever it still sends is thrown away. */
    static final AttributeKey<Boolean> CLOSING = AttributeKey.valueOf(AnswerWriter.class, "closing");
    /** How long a refused connection's input is drained before it is closed. */
    static final long LINGER_MILLIS = 1000;

    private final Map<String, String> defensive;
    private final HttpService service;

    /**
     * @param defensive headers every response carries
     * @param service formats the server's own error answers
     */
    AnswerWriter(Map<String, String> defensive, HttpService service) {
        this.defensive = Map.copyOf(defensive);
        this.service = service;
    }

    /**
     * Writes and flushes a response; any thread.
     *
     * @param ch the connection
     * @param a the answer
     * @param head whether the request was HEAD (the headers only, with the body's length)
     * @param close whether to announce {@code Connection: close}
     * @return the write's future
     */
    ChannelFuture write(Channel ch, HttpAnswer a, boolean head, boolean close) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(a.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(a.body()));
        HttpHeaders h = r.headers();
        defend(h);
        a.headers().forEach(h::set);
        h.set(HttpHeaderNames.CONTENT_TYPE, a.contentType());
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, a.body().length);
        if (close) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return ch.writeAndFlush(r);
    }

    /** @param h response headers that receive the defensive ones */
    void defend(HttpHeaders h) {
        defensive.forEach(h::set);
    }

    /**
     * Answers with the service's error and closes the connection (lingering).
     *
     * @param ch the connection
     * @param status the HTTP status
     * @param message why, in one sentence
     */
    void refuse(Channel ch, int status, String message) {
        if (Boolean.TRUE.equals(ch.attr(CLOSING).getAndSet(true))) {
            return;
        }
        write(ch, service.error(status, message), false, true).addListener(f -> lingerClose(ch));
    }

    /**
     * Shuts the output (the client sees the end of the answer), then closes after {@value #LINGER_MILLIS} ms.
     *
     * @param ch the connection
     */
    static void lingerClose(Channel ch) {
        ch.attr(CLOSING).set(true);
        if (ch instanceof DuplexChannel d && d.isActive()) {
            d.shutdownOutput();
            ch.eventLoop().schedule(() -> ch.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            ch.close();
        }
    }
}
