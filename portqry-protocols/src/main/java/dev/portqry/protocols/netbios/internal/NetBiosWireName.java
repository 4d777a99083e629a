package dev.portqry.protocols.netbios.internal;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The encoded NetBIOS name of the name service: the 16-byte name split into nibbles, each
 * written as {@code 'A' + nibble} (first-level encoding, RFC 1001 14.1), as one 32-byte label.
 */
public final class NetBiosWireName {
    /** A NetBIOS name is 15 characters plus the suffix byte (RFC 1001 14). */
    public static final int NAME_BYTES = 16;
    private static final int LABEL_BYTES = 2 * NAME_BYTES;
    /** Longest domain name (RFC 1035 2.3.4): bounds the labels skipped in a reply. */
    private static final int MAX_NAME_BYTES = 255;

    private NetBiosWireName() {
    }

    /** Writes {@code name} (16 bytes) as a length byte, 32 encoded characters and the root label. */
    public static void write(byte[] name, ByteBuf out) {
        out.writeByte(LABEL_BYTES);
        for (byte b : name) {
            out.writeByte('A' + ((b >> 4) & 0x0f));
            out.writeByte('A' + (b & 0x0f));
        }
        out.writeByte(0);
    }

    /** The wildcard {@code *} padded with NULs, which asks any node for its status (RFC 1002 4.2.17). */
    public static byte[] wildcard() {
        byte[] name = new byte[NAME_BYTES];
        name[0] = '*';
        return name;
    }

    /**
     * Skips an RR_NAME: labels up to the root label, or a compression pointer (RFC 1002 4.2.1.2
     * allows LABEL STRING POINTERs).
     */
    public static void skip(ByteBuf in) {
        int total = 0;
        while (true) {
            ProtocolDecodeException.check(in.isReadable(), "NetBIOS", "reply ends inside the RR name");
            int len = in.readUnsignedByte();
            if (len == 0) {
                return;
            }
            if ((len & 0xc0) == 0xc0) {
                ProtocolDecodeException.check(in.isReadable(), "NetBIOS", "reply ends inside a name pointer");
                in.skipBytes(1);
                return;
            }
            ProtocolDecodeException.check((len & 0xc0) == 0, "NetBIOS", "bad label length byte 0x%02x", len);
            total += len + 1;
            ProtocolDecodeException.check(total <= MAX_NAME_BYTES, "NetBIOS", "RR name longer than %d bytes", MAX_NAME_BYTES);
            ProtocolDecodeException.check(in.readableBytes() >= len, "NetBIOS", "reply ends inside a %d-byte label", len);
            in.skipBytes(len);
        }
    }
}
