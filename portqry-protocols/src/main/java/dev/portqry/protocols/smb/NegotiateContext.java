package dev.portqry.protocols.smb;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One SMB 3.1.1 negotiate context of the server's NEGOTIATE response (MS-SMB2 section
 * 2.2.4.1), with its data described in words for the types the probe knows.
 *
 * @param type the ContextType, e.g. 1 for pre-authentication integrity
 * @param description the context in words, e.g. {@code preauth integrity: SHA-512, salt 32 bytes}
 */
public record NegotiateContext(int type, String description) {
    private static final Map<Integer, String> HASHES = Map.of(0x0001, "SHA-512");
    private static final Map<Integer, String> CIPHERS = Map.of(
            0x0001, "AES-128-CCM", 0x0002, "AES-128-GCM", 0x0003, "AES-256-CCM", 0x0004, "AES-256-GCM");
    private static final Map<Integer, String> SIGNING = Map.of(0x0000, "HMAC-SHA256", 0x0001, "AES-CMAC", 0x0002, "AES-GMAC");
    private static final Map<Integer, String> COMPRESSION = Map.of(
            0x0000, "none", 0x0001, "LZNT1", 0x0002, "LZ77", 0x0003, "LZ77+Huffman", 0x0004, "Pattern_V1", 0x0005, "LZ4");
    /** More list entries than any context type defines; stop there. */
    private static final int MAX_IDS = 32;

    /**
     * @param type the ContextType
     * @param data the context's Data, exactly DataLength bytes; read, not released
     * @return the context
     */
    static NegotiateContext decode(int type, ByteBuf data) {
        String text = switch (type) {
            case 0x0001 -> { // 2.2.3.1.1 SMB2_PREAUTH_INTEGRITY_CAPABILITIES
                need(data, 4, "preauth integrity");
                int count = data.readUnsignedShortLE();
                int saltLength = data.readUnsignedShortLE();
                yield "preauth integrity: " + ids(data, count, HASHES) + ", salt " + saltLength + " bytes";
            }
            case 0x0002 -> { // 2.2.3.1.2 SMB2_ENCRYPTION_CAPABILITIES
                need(data, 2, "encryption");
                yield "encryption: " + ids(data, data.readUnsignedShortLE(), CIPHERS);
            }
            case 0x0003 -> { // 2.2.3.1.3 SMB2_COMPRESSION_CAPABILITIES: count, padding, flags, ids
                need(data, 8, "compression");
                int count = data.readUnsignedShortLE();
                data.skipBytes(6);
                yield "compression: " + ids(data, count, COMPRESSION);
            }
            case 0x0005 -> "netname";
            case 0x0006 -> "transport capabilities";
            case 0x0007 -> "RDMA transform capabilities";
            case 0x0008 -> { // 2.2.3.1.7 SMB2_SIGNING_CAPABILITIES
                need(data, 2, "signing");
                yield "signing: " + ids(data, data.readUnsignedShortLE(), SIGNING);
            }
            default -> String.format("context type 0x%04x, %d bytes", type, data.readableBytes());
        };
        return new NegotiateContext(type, text);
    }

    private static void need(ByteBuf data, int n, String what) {
        ProtocolDecodeException.check(data.readableBytes() >= n, Smb2NegotiateResponse.PROTOCOL,
                "%s context of %d bytes, needs at least %d", what, data.readableBytes(), n);
    }

    private static String ids(ByteBuf data, int count, Map<Integer, String> names) {
        ProtocolDecodeException.check(count <= MAX_IDS && data.readableBytes() >= 2 * count, Smb2NegotiateResponse.PROTOCOL,
                "negotiate context lists %d ids in %d bytes", count, data.readableBytes());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = data.readUnsignedShortLE();
            out.add(names.getOrDefault(id, String.format("0x%04x", id)));
        }
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    @Override
    public String toString() {
        return description;
    }
}
