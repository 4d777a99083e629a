package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;

/**
 * The {@code ept_lookup} request stub, opnum 2 (C706 appendix O, MS-RPCE 3.1.1.5.2 and 2.2.1.2):
 * inquiry type, object and interface pointers (null here: "all"), version option, the context
 * handle, and {@code max_ents}.
 *
 * @param inquiryType 0 is {@code RPC_C_EP_ALL_ELTS}
 * @param versionOption 1 is {@code RPC_C_VERS_ALL}
 * @param handle the context handle, null to start, not null
 * @param maxEntries how many entries one reply may carry, 1-500 ({@code [range(0,500)]} in the IDL)
 */
public record EptLookupRequest(long inquiryType, long versionOption, EptHandle handle, int maxEntries) {
    /** The operation number. */
    public static final int OPNUM = 2;
    /** {@code RPC_C_EP_ALL_ELTS}: every element. */
    public static final long RPC_C_EP_ALL_ELTS = 0;
    /** {@code RPC_C_VERS_ALL}: every version. */
    public static final long RPC_C_VERS_ALL = 1;
    /** The IDL's upper bound on {@code max_ents}. */
    public static final int MAX_ENTRIES = 500;

    /**
     * @param handle the context handle
     * @param maxEntries entries per reply, 1-500
     * @return a request for every entry of every version
     */
    public static EptLookupRequest all(EptHandle handle, int maxEntries) {
        return new EptLookupRequest(RPC_C_EP_ALL_ELTS, RPC_C_VERS_ALL, handle, maxEntries);
    }

    /** Checks the entry count. */
    public EptLookupRequest {
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES) {
            throw new IllegalArgumentException("maxEntries must be 1-500, was " + maxEntries);
        }
    }

    /** @param out where the stub goes */
    public void writeTo(ByteBuf out) {
        NdrWriter w = new NdrWriter(out);
        w.u32(inquiryType).u32(0).u32(0).u32(versionOption);
        handle.writeTo(w);
        w.u32(maxEntries);
    }
}
