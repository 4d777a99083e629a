package dev.portqry.protocols.ike.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A payload this client keeps as bytes: Vendor ID, CERTREQ, and any other type.
 *
 * @param type the payload type, not null
 * @param critical the critical bit (RFC 7296 section 3.2)
 * @param body the body bytes (copied in and out)
 */
public record IkeRawPayload(IkePayloadType type, boolean critical, byte[] body) implements IkePayload {

    /** Copies the body. */
    public IkeRawPayload {
        Objects.requireNonNull(type, "type");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeBytes(body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IkeRawPayload r && r.type.equals(type) && r.critical == critical && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return type.name() + "[" + HexFormat.of().formatHex(body, 0, Math.min(body.length, 32)) + (body.length > 32 ? "..." : "") + "]";
    }
}
