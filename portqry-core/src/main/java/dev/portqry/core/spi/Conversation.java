package dev.portqry.core.spi;

import io.netty.buffer.ByteBuf;

/**
 * One query exchange of a responder with one port: pure codec and state-machine logic. The
 * engine owns the socket, deadlines, retries and the reply-size cap, and calls these methods
 * on one thread at a time. Throw {@link dev.portqry.core.ProtocolDecodeException} for a reply
 * that cannot be decoded; any other runtime exception is wrapped into one.
 */
public interface Conversation {

    /**
     * The first bytes to send. On UDP this is called again for every retry.
     *
     * @return the query; an empty buffer on TCP waits for the server to speak first (greetings)
     */
    ByteBuf start();

    /**
     * Reads what arrived. On TCP {@code in} holds every byte received and not yet read (the
     * engine keeps the rest for the next call); on UDP it is one datagram's payload. The engine
     * releases {@code in}.
     *
     * @param in the received bytes, never null
     * @return what to do next
     */
    Step onReceive(ByteBuf in);

    /**
     * The peer closed the TCP connection before the conversation was done.
     *
     * @return a final step built from what was received, or throw a decode exception
     */
    default Step onPeerClosed() {
        throw new dev.portqry.core.ProtocolDecodeException("conversation", "connection closed before the reply was complete");
    }
}
