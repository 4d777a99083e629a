package dev.portqry.protocols.msrpc.internal;

/**
 * The NDR form of {@code twr_t} (C706 appendix L): a conformant structure, so the array's
 * maximum count comes first, then {@code tower_length}, then the octets, padded to 4.
 */
final class TwrCodec {
    /** No real tower comes near this; a larger declared length is corrupt. */
    static final int MAX_TOWER_BYTES = 4096;

    private TwrCodec() {
    }

    static byte[] read(NdrReader r) {
        int maxCount = r.count("tower max_count", MAX_TOWER_BYTES);
        int length = r.count("tower_length", MAX_TOWER_BYTES);
        RpcDecodeException.expect(maxCount == length, "tower max_count %d differs from tower_length %d", maxCount, length);
        byte[] octets = r.bytes(length, "tower octets");
        r.align(4);
        return octets;
    }

    static void write(NdrWriter w, byte[] octets) {
        w.u32(octets.length).u32(octets.length).bytes(octets).align(4);
    }
}
