package dev.portqry.protocols.ad;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads RFC 1035 names (labels and compression pointers) at absolute positions of a buffer, as
 * used by DNS messages and by the netlogon structures of MS-ADTS 6.3.1.9. Bounded: at most
 * {@link #MAX_NAME_CHARS} characters and {@link #MAX_JUMPS} pointers, every index checked.
 */
final class WireNames {
    /** The longest name accepted, in characters (RFC 1035 allows 255 octets). */
    static final int MAX_NAME_CHARS = 255;
    /** The most compression pointers followed in one name. */
    static final int MAX_JUMPS = 64;

    private WireNames() {
    }

    /** A name and the position right after its encoding at the place it started. */
    record Read(String name, int end) {
    }

    /**
     * @param buf the buffer whose index {@code base} is where pointer offsets count from
     * @param base the absolute index pointer offsets are relative to
     * @param index where the name starts
     * @param limit the first index past the readable data
     * @param protocol for error messages
     * @return the dotted name without a trailing dot ({@code ""} for the root) and where it ends
     * @throws ProtocolDecodeException when malformed, looping or out of bounds
     */
    static Read read(ByteBuf buf, int base, int index, int limit, String protocol) {
        StringBuilder name = new StringBuilder();
        int pos = index;
        int end = -1;
        int jumps = 0;
        while (true) {
            ProtocolDecodeException.check(pos >= base && pos < limit, protocol, "name runs past the data at offset %d", pos - base);
            int len = buf.getUnsignedByte(pos);
            if (len == 0) {
                if (end < 0) {
                    end = pos + 1;
                }
                return new Read(name.toString(), end);
            }
            if ((len & 0xC0) == 0xC0) {
                ProtocolDecodeException.check(pos + 1 < limit, protocol, "truncated name pointer at offset %d", pos - base);
                ProtocolDecodeException.check(++jumps <= MAX_JUMPS, protocol, "name has more than %d pointers (a loop?)", MAX_JUMPS);
                if (end < 0) {
                    end = pos + 2;
                }
                pos = base + (((len & 0x3F) << 8) | buf.getUnsignedByte(pos + 1));
                continue;
            }
            ProtocolDecodeException.check((len & 0xC0) == 0, protocol, "bad label type 0x%02x at offset %d", len, pos - base);
            ProtocolDecodeException.check(pos + 1 + len <= limit, protocol, "label runs past the data at offset %d", pos - base);
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(buf.toString(pos + 1, len, StandardCharsets.UTF_8));
            ProtocolDecodeException.check(name.length() <= MAX_NAME_CHARS, protocol, "name longer than %d characters",
                    MAX_NAME_CHARS);
            pos += 1 + len;
        }
    }
}
