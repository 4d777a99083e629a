package dev.portqry.ui;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection: checks each whole request with the {@link HostGuard} (403
 * otherwise, logged with every request detail escaped) and gives it to the {@link HttpService}.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final HostGuard guard;
    private final HttpService service;
    private final AnswerWriter writer;
    private final RequestReader reader;

    /**
     * @param guard the Host and Origin check
     * @param service what is served
     * @param writer writes the answers
     * @param reader the connection's reader, told when each response is out
     */
    RequestDispatcher(HostGuard guard, HttpService service, AnswerWriter writer, RequestReader reader) {
        this.guard = guard;
        this.service = service;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof RequestReader.Request request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        HttpCall call = new HttpCall(ctx.channel(), request, writer, reader);
        String host = call.header("Host");
        String origin = call.header("Origin");
        Optional<String> refused = guard.reject(host, origin);
        if (refused.isPresent()) {
            log.warn("refused {} {} (Host {}, Origin {}): {}", LogText.of(call.method()), LogText.of(call.path()),
                    LogText.of(host), LogText.of(origin), LogText.of(refused.get()));
            call.respond(service.error(403, refused.get()));
            return;
        }
        try {
            service.handle(call);
        } catch (RuntimeException e) {
            log.error("{} {} failed", LogText.of(call.method()), LogText.of(call.path()), e);
            try {
                call.respond(service.error(500, "Internal error: " + e));
            } catch (IllegalStateException answered) {
                ctx.close();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            log.debug("{}: {}", ctx.channel().remoteAddress(), LogText.of(String.valueOf(cause)));
        }
        ctx.close(); // a reset, or a fault of this connection alone
    }
}
