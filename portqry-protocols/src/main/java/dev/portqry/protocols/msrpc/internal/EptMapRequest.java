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

    /**
     * Decodes a request stub (for test servers).
     *
     * @param stub the stub
     * @param littleEndian the integer representation
     * @return the request
     */
    public static EptMapRequest decode(ByteBuf stub, boolean littleEndian) {
        NdrReader r = new NdrReader(stub, littleEndian);
        if (r.u32("object pointer") != 0) {
            r.uuid("object");
        }
        RpcDecodeException.expect(r.u32("map_tower pointer") != 0, "map_tower is a null pointer");
        byte[] tower = TwrCodec.read(r);
        EptHandle h = EptHandle.read(r);
        long max = r.u32("max_towers");
        RpcDecodeException.expect(max >= 1 && max <= EptLookupRequest.MAX_ENTRIES, "max_towers %d is not 1-500", max);
        return new EptMapRequest(tower, h, (int) max);
    }
}
