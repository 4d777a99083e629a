package dev.portqry.protocols.msrpc;

import dev.portqry.core.ProtocolDecodeException;
import java.util.Optional;

/**
 * The RPC peer answered, but refused: a fault PDU (C706 12.6.4.7, 12.5.3.3), a reject
 * (C706 12.5.3.10), a bind_nak (C706 12.6.4.5), a bind_ack that rejects the interface, or an
 * endpoint-mapper error status. The port is listening; the engine reports this as an
 * unparseable outcome carrying the message.
 */
public class RpcFaultException extends ProtocolDecodeException {
    private static final long serialVersionUID = 1L;

    private final transient RpcStatus status;

    /**
     * @param message what refused and why, e.g. {@code fault in reply to ept_lookup}
     * @param status the status the peer sent, null when the refusal carries none (bind_nak)
     */
    public RpcFaultException(String message, RpcStatus status) {
        super("MSRPC", status == null ? message : message + " with status " + status);
        this.status = status;
    }

    /** @return the status the peer sent, empty for a bind refusal */
    public Optional<RpcStatus> status() {
        return Optional.ofNullable(status);
    }
}
