package dev.portqry.protocols.msrpc.internal;

import dev.portqry.core.ProtocolDecodeException;
import java.util.Locale;

/**
 * Bytes from an RPC peer that do not form a valid PDU, stub or tower: truncated, a length past
 * the data, a count past its cap, a reply to another call.
 */
public class RpcDecodeException extends ProtocolDecodeException {
    private static final long serialVersionUID = 1L;

    /** The protocol name carried by every MSRPC decode error. */
    public static final String PROTOCOL = "MSRPC";

    /** @param message what was wrong with the bytes */
    public RpcDecodeException(String message) {
        super(PROTOCOL, message);
    }

    /**
     * @param condition what must be true of the bytes
     * @param format a {@link String#format} message for when it is not
     * @param args its arguments
     * @throws RpcDecodeException when {@code condition} is false
     */
    public static void expect(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new RpcDecodeException(String.format(Locale.ROOT, format, args));
        }
    }
}
