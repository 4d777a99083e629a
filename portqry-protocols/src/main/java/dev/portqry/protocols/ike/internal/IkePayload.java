package dev.portqry.protocols.ike.internal;

import io.netty.buffer.ByteBuf;

/**
 * One payload of an IKE message, after the generic payload header (RFC 7296 section 3.2) that
 * {@link IkeMessage} reads and writes.
 */
public sealed interface IkePayload permits IkeSaPayload, IkeKePayload, IkeNoncePayload, IkeNotifyPayload, IkeRawPayload {

    /** @return the payload type that announces it */
    IkePayloadType type();

    /**
     * Writes the payload's body, without the generic header.
     *
     * @param out the buffer to write to, not null
     */
    void encodeBody(ByteBuf out);
}
