package dev.portqry.protocols.msrpc.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;

/**
 * Joins the response fragments of one connection-oriented call (C706 12.6.3.7): the first
 * carries {@code PFC_FIRST_FRAG}, the last {@code PFC_LAST_FRAG}, those between neither. Caps
 * the stub size and the fragment count.
 */
public final class CoFragmentAssembler {
    /** More fragments than this for one endpoint-mapper reply is a runaway server. */
    static final int MAX_FRAGMENTS = 4096;

    private final int maxStubBytes;
    private final ByteArrayOutputStream stub = new ByteArrayOutputStream();
    private int fragments;

    /** @param maxStubBytes the cap on the reassembled stub */
    public CoFragmentAssembler(int maxStubBytes) {
        this.maxStubBytes = maxStubBytes;
    }

    /**
     * @param fragment the next response fragment of the call
     * @return the whole stub when this was the last fragment, else null; heap-backed, needs no release
     * @throws RpcDecodeException when the first/last flags are out of order or a cap is passed
     */
    public ByteBuf add(ResponsePdu fragment) {
        CoHeader h = fragment.header();
        RpcDecodeException.expect(h.first() == (fragments == 0),
                fragments == 0 ? "first response fragment lacks PFC_FIRST_FRAG" : "PFC_FIRST_FRAG in fragment %d", fragments + 1);
        fragments++;
        RpcDecodeException.expect(fragments <= MAX_FRAGMENTS, "response has more than %d fragments", MAX_FRAGMENTS);
        RpcDecodeException.expect((long) stub.size() + fragment.stubPart().length <= maxStubBytes,
                "response stub exceeds the cap of %d bytes", maxStubBytes);
        stub.writeBytes(fragment.stubPart());
        if (!h.last()) {
            return null;
        }
        ByteBuf whole = Unpooled.wrappedBuffer(stub.toByteArray());
        stub.reset();
        fragments = 0;
        return whole;
    }
}
