package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.RpcStatus;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code ept_lookup} response stub (C706 appendix O): the context handle, {@code num_ents},
 * the entries as a conformant varying array whose tower pointers are deferred after the last
 * element (C706 14.3.12.3), and the status.
 *
 * @param handle the handle for the next call; null when the server has no more
 * @param entries the entries of this page
 * @param status {@link RpcStatus#OK}, or {@code ept_s_not_registered} at the end of the list
 */
public record EptLookupResponse(EptHandle handle, List<EptEntry> entries, RpcStatus status) {
    /** Smallest encoding of one entry: object UUID, tower pointer, annotation offset and length. */
    private static final int MIN_ENTRY_BYTES = 28;

    /** Copies the entries. */
    public EptLookupResponse {
        entries = List.copyOf(entries);
    }

    /**
     * @param stub the reassembled stub
     * @param littleEndian the integer representation of the response
     * @return the response
     * @throws RpcDecodeException when counts disagree, pass their caps or run past the stub
     */
    public static EptLookupResponse decode(ByteBuf stub, boolean littleEndian) {
        NdrReader r = new NdrReader(stub, littleEndian);
        EptHandle handle = EptHandle.read(r);
        int actual = NdrArrays.countedArray(r, "num_ents", EptLookupRequest.MAX_ENTRIES);
        r.need(actual * MIN_ENTRY_BYTES, actual + " entries");
        UUID[] objects = new UUID[actual];
        long[] referents = new long[actual];
        String[] annotations = new String[actual];
        for (int i = 0; i < actual; i++) {
            objects[i] = r.uuid("entry object");
            referents[i] = r.u32("tower pointer");
            long annOffset = r.u32("annotation offset");
            int annLength = r.count("annotation length", EptEntry.MAX_ANNOTATION);
            RpcDecodeException.expect(annOffset == 0, "annotation offset %d is not 0", annOffset);
            annotations[i] = Tower.text(r.bytes(annLength, "annotation"));
        }
        List<EptEntry> entries = new ArrayList<>(actual);
        for (int i = 0; i < actual; i++) {
            byte[] tower = referents[i] == 0 ? null : TwrCodec.read(r);
            entries.add(new EptEntry(objects[i], tower, annotations[i]));
        }
        RpcStatus status = RpcStatus.valueOf(r.u32("status"));
        return new EptLookupResponse(handle, entries, status);
    }
}
