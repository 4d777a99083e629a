package dev.portqry.protocols.msrpc.internal;

import dev.portqry.core.spi.ResponderResult;
import io.netty.buffer.ByteBuf;

/**
 * An endpoint-mapper operation independent of the transport: the connection-oriented and the
 * connectionless conversations both carry its request stubs and hand it the reassembled
 * response stubs, until it has a result.
 */
public interface EpmCall {
    /** @return the operation number of every request */
    int opnum();

    /** @return the operation's name for messages, e.g. {@code ept_lookup} */
    String name();

    /** @param out where the current request's stub goes (the same stub again on a retry) */
    void writeRequest(ByteBuf out);

    /**
     * @param stub the whole response stub of the current request
     * @param littleEndian the integer representation of the response
     * @return the result when the operation is over, or null to send the next request
     * @throws RpcDecodeException for a malformed stub
     * @throws dev.portqry.protocols.msrpc.RpcFaultException for an error status
     */
    ResponderResult onResponse(ByteBuf stub, boolean littleEndian);
}
