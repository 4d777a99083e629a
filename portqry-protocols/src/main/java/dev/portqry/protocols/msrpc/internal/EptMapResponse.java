package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.RpcStatus;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ept_map} response stub (C706 appendix O): context handle, {@code num_towers}, a
 * conformant varying array of tower pointers whose towers follow it, and the status.
 *
 * @param handle the handle for a further call
 * @param towers the tower octets found
 * @param status {@link RpcStatus#OK}, or {@code ept_s_not_registered} when the interface is unknown
 */
public record EptMapResponse(EptHandle handle, List<byte[]> towers, RpcStatus status) {
    /** Copies the towers. */
    public EptMapResponse {
        towers = List.copyOf(towers);
    }

    /**
     * @param stub the reassembled stub
     * @param littleEndian the integer representation
     * @return the response
     */
    public static EptMapResponse decode(ByteBuf stub, boolean littleEndian) {
        NdrReader r = new NdrReader(stub, littleEndian);
        EptHandle handle = EptHandle.read(r);
        int actual = NdrArrays.countedArray(r, "num_towers", EptLookupRequest.MAX_ENTRIES);
        r.need(actual * 4, actual + " tower pointers");
        long[] referents = new long[actual];
        for (int i = 0; i < actual; i++) {
            referents[i] = r.u32("tower pointer");
        }
        List<byte[]> towers = new ArrayList<>(actual);
        for (long referent : referents) {
            if (referent != 0) {
                towers.add(TwrCodec.read(r));
            }
        }
        return new EptMapResponse(handle, towers, RpcStatus.valueOf(r.u32("status")));
    }
}
