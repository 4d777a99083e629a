package dev.portqry.protocols.msrpc.internal;

/**
 * The count-then-array shape both endpoint-mapper responses share (C706 appendix O): an
 * {@code unsigned32} count out-parameter, then a conformant varying array (C706 14.3.3.4:
 * maximum count, offset, actual count) whose actual count must equal it.
 */
final class NdrArrays {
    private NdrArrays() {
    }

    /**
     * @param r the stub reader, at the count parameter
     * @param what the parameter, e.g. {@code num_ents}
     * @param max the cap on the count
     * @return the element count, checked against the cap, the array's maximum count and offset 0
     */
    static int countedArray(NdrReader r, String what, int max) {
        int num = r.count(what, max);
        long maxCount = r.u32(what + " max_count");
        long offset = r.u32(what + " offset");
        int actual = r.count(what + " actual_count", max);
        RpcDecodeException.expect(offset == 0, "%s offset %d is not 0", what, offset);
        RpcDecodeException.expect(actual <= maxCount && actual == num,
                "%s actual_count %d disagrees with max_count %d or the count %d", what, actual, maxCount, num);
        return actual;
    }
}
