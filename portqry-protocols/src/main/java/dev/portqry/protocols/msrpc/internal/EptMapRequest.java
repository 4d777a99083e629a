package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;

/**
 * The {@code ept_map} request stub, opnum 3 (C706 appendix O, MS-RPCE 3.1.1.5.1.2): a nil object
 * UUID (sent as a non-null pointer, as Windows clients do), the map tower naming the interface
 * and protocol wanted, a null context handle and {@code max_towers}.
 *
 * @param mapTower the tower octets asking for an interface over a protocol sequence
 * @param handle the context handle
 * @param maxTowers 1-500
 */
public record EptMapRequest(byte[] mapTower, EptHandle handle, int maxTowers) {
    /** The operation number. */
    public static final int OPNUM = 3;

    /** Checks the tower count. */
    public EptMapRequest {
        if (maxTowers < 1 || maxTowers > EptLookupRequest.MAX_ENTRIES) {
            throw new IllegalArgumentException("maxTowers must be 1-500, was " + maxTowers);
        }
    }

    /** @param out where the stub goes */
    public void writeTo(ByteBuf out) {
        NdrWriter w = new NdrWriter(out);
        w.u32(1).uuid(Uuids.NIL);
        w.u32(2);
        TwrCodec.write(w, mapTower);
        handle.writeTo(w);
        w.u32(maxTowers);
    }
}
