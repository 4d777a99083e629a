package dev.portqry.ui;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request of a {@link GuardedHttpServer} and its response, which is given exactly once: a
 * whole {@link HttpAnswer} (from any thread) or an event stream.
 */
final class HttpCall {
    private final Channel channel;
    private final HttpRequest head;
    private final byte[] body;
    private final String path;
    private final boolean keepAlive;
    private final AnswerWriter writer;
    private final RequestReader reader;
    private final AtomicBoolean answered = new AtomicBoolean();

    /**
     * @param channel the connection
     * @param request the request, arrived whole
     * @param writer writes the response
     * @param reader told when the response is out, to wait for the next request
     */
    HttpCall(Channel channel, RequestReader.Request request, AnswerWriter writer, RequestReader reader) {
        this.channel = channel;
        this.head = request.head();
        this.body = request.body();
        this.path = new QueryStringDecoder(head.uri()).path();
        this.keepAlive = HttpUtil.isKeepAlive(head);
        this.writer = writer;
        this.reader = reader;
    }

    /** @return the method, e.g. {@code GET} */
    String method() {
        return head.method().name();
    }

    /** @return the request target's path, percent-decoded (raw: log it only through {@link LogText}) */
    String path() {
        return path;
    }

    /** @return the request target's query string, still percent-encoded; null when there is none */
    String rawQuery() {
        String q = new QueryStringDecoder(head.uri()).rawQuery();
        return q.isEmpty() ? null : q;
    }

    /**
     * @param name a header name, case-insensitive
     * @return its first value, null when absent
     */
    String header(String name) {
        return head.headers().get(name);
    }

    /** @return the body as UTF-8, empty when none */
    String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Sends the answer (headers only for HEAD); callable from any thread.
     *
     * @param a the answer, not null
     * @throws IllegalStateException when this call was answered already
     */
    void respond(HttpAnswer a) {
        claim();
        boolean close = !keepAlive;
        writer.write(channel, a, head.method().equals(HttpMethod.HEAD), close).addListener(f -> {
            if (close || !f.isSuccess()) {
                channel.close();
            } else {
                reader.requestDone();
            }
        });
    }

    /**
     * Answers with server-sent events; the stream starts when {@link SseStream#start()} is called.
     *
     * @param heartbeat the interval of keep-alive comments
     * @return the stream, whose connection closes when it ends
     * @throws IllegalStateException when this call was answered already
     */
    SseStream eventStream(Duration heartbeat) {
        claim();
        return new SseStream(channel, writer, heartbeat);
    }

    private void claim() {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException(method() + " " + LogText.of(path) + " was answered already");
        }
    }
}
