package dev.portqry.protocols.ike;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.ike.internal.IkeHeader;
import dev.portqry.protocols.ike.internal.IkeMessage;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IKE_SA_INIT probe: sends the request (behind the non-ESP marker on the NAT-traversal
 * port, RFC 3948 section 2.2) and takes the first reply that carries our initiator SPI.
 */
final class IkeConversation implements Conversation {
    private static final Logger log = LoggerFactory.getLogger(IkeConversation.class);
    /** The four zero bytes of the non-ESP marker. */
    private static final int MARKER = 4;

    private final ConversationContext context;
    private final IkeMessage request;
    private final long ourSpi;
    private final boolean marker;

    /**
     * @param context the probe's context
     * @param request the IKE_SA_INIT request to send
     * @param ourSpi the request's initiator SPI, non-zero
     * @param marker whether datagrams carry the non-ESP marker
     */
    IkeConversation(ConversationContext context, IkeMessage request, long ourSpi, boolean marker) {
        this.context = context;
        this.request = request;
        this.ourSpi = ourSpi;
        this.marker = marker;
    }

    @Override
    public ByteBuf start() {
        ByteBuf out = context.alloc().buffer(512);
        if (marker) {
            out.writeInt(0);
        }
        request.encode(out);
        return out;
    }

    @Override
    public Step onReceive(ByteBuf in) {
        if (marker) {
            if (in.readableBytes() < MARKER || in.getInt(in.readerIndex()) != 0) {
                log.debug("ignoring a datagram without the non-ESP marker (ESP?)");
                return Step.needMore();
            }
            in.skipBytes(MARKER);
        }
        IkeMessage m = IkeMessage.decode(in);
        if (m.header().initiatorSpi() != ourSpi) {
            log.debug("ignoring {}: our SPI is {}", m.header(), IkeHeader.hex(ourSpi));
            return Step.needMore();
        }
        return Step.done(IkeResult.of(m, marker));
    }
}
