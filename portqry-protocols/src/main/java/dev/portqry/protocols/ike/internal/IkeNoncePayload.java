package dev.portqry.protocols.ike.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A Nonce payload (RFC 7296 section 3.9): 16 to 256 random bytes.
 *
 * @param nonce the nonce (copied in and out)
 */
public record IkeNoncePayload(byte[] nonce) implements IkePayload {

    /** Copies the nonce. */
    public IkeNoncePayload {
        nonce = nonce.clone();
    }

    /**
     * @param body the payload body; read entirely
     * @return the payload
     */
    public static IkeNoncePayload decodeBody(ByteBuf body) {
        byte[] nonce = new byte[body.readableBytes()];
        body.readBytes(nonce);
        return new IkeNoncePayload(nonce);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.NONCE;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeBytes(nonce);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IkeNoncePayload n && Arrays.equals(n.nonce, nonce);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "Nonce[" + nonce.length + " bytes]";
    }
}
