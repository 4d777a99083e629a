package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.TreeMap;

/**
 * Joins the response fragments of one connectionless call by fragment number (C706 12.5.3.1
 * and 12.5.2.x): they may arrive out of order or twice; the one with {@code lastfrag} sets the
 * count. Caps the stub size and the fragment number.
 */
public final class ClFragmentAssembler {
    /** Fragment numbers above this are a runaway server. */
    static final int MAX_FRAGMENTS = 1024;

    private final int maxStubBytes;
    private final TreeMap<Integer, byte[]> parts = new TreeMap<>();
    private long bytes;
    private int last = -1;

    /** @param maxStubBytes the cap on the reassembled stub */
    public ClFragmentAssembler(int maxStubBytes) {
        this.maxStubBytes = maxStubBytes;
    }

    /**
     * @param pdu a response PDU of the call in progress
     * @return the whole stub when every fragment is in, else null; heap-backed, needs no release
     */
    public ByteBuf add(ClPdu pdu) {
        ClHeader h = pdu.header();
        if (!h.fragmented()) {
            reset();
            return Unpooled.wrappedBuffer(pdu.body());
        }
        int n = h.fragmentNumber();
        RpcDecodeException.expect(n < MAX_FRAGMENTS, "fragment number %d exceeds the cap of %d", n, MAX_FRAGMENTS);
        if (h.lastFragment()) {
            RpcDecodeException.expect(last < 0 || last == n, "two last fragments: %d and %d", last, n);
            int highest = parts.isEmpty() ? -1 : parts.lastKey();
            RpcDecodeException.expect(highest <= n, "fragment %d after the last one %d", highest, n);
            last = n;
        } else {
            RpcDecodeException.expect(last < 0 || n < last, "fragment %d after the last one %d", n, last);
        }
        if (parts.putIfAbsent(n, pdu.body()) == null) {
            bytes += pdu.body().length;
            RpcDecodeException.expect(bytes <= maxStubBytes, "response stub exceeds the cap of %d bytes", maxStubBytes);
        }
        if (last < 0 || parts.size() != last + 1) {
            return null;
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream((int) bytes);
        parts.values().forEach(whole::writeBytes);
        reset();
        return Unpooled.wrappedBuffer(whole.toByteArray());
    }

    /** @return the highest fragment number received without a gap before it, -1 when none */
    public int highestConsecutive() {
        int n = -1;
        while (parts.containsKey(n + 1)) {
            n++;
        }
        return n;
    }

    public void reset() {
        parts.clear();
        bytes = 0;
        last = -1;
    }
}
