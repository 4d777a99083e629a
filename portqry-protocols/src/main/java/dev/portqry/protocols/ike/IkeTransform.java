package dev.portqry.protocols.ike;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One transform of a proposal (RFC 7296 section 3.3.2): a type (1 encryption, 2 PRF,
 * 3 integrity, 4 Diffie-Hellman group, 5 ESN), an ID, and for variable-length ciphers the
 * Key Length attribute (section 3.3.5).
 *
 * @param type the transform type
 * @param id the transform ID within the type
 * @param keyLength the Key Length attribute in bits, when present
 */
public record IkeTransform(int type, int id, OptionalInt keyLength) {
    /** Transform type 1: encryption algorithm. */
    public static final int ENCR = 1;
    /** Transform type 2: pseudorandom function. */
    public static final int PRF = 2;
    /** Transform type 3: integrity algorithm. */
    public static final int INTEG = 3;
    /** Transform type 4: Diffie-Hellman group. */
    public static final int DH = 4;

    /** Attribute type 14 with the AF (fixed-length) bit: Key Length (section 3.3.5). */
    private static final int KEY_LENGTH_TV = 0x800e;
    private static final int HEADER = 8;

    private static final Map<Integer, String> TYPES = Map.of(1, "ENCR", 2, "PRF", 3, "INTEG", 4, "DH", 5, "ESN");
    private static final Map<Integer, String> ENCR_NAMES = Map.of(2, "DES", 3, "3DES", 12, "AES_CBC", 13, "AES_CTR",
            14, "AES_CCM_8", 16, "AES_CCM_16", 18, "AES_GCM_8", 19, "AES_GCM_12", 20, "AES_GCM_16", 28, "CHACHA20_POLY1305");
    private static final Map<Integer, String> PRF_NAMES = Map.of(1, "PRF_HMAC_MD5", 2, "PRF_HMAC_SHA1", 4, "PRF_AES128_XCBC",
            5, "PRF_HMAC_SHA2_256", 6, "PRF_HMAC_SHA2_384", 7, "PRF_HMAC_SHA2_512");
    private static final Map<Integer, String> INTEG_NAMES = Map.of(1, "AUTH_HMAC_MD5_96", 2, "AUTH_HMAC_SHA1_96",
            5, "AUTH_AES_XCBC_96", 12, "AUTH_HMAC_SHA2_256_128", 13, "AUTH_HMAC_SHA2_384_192", 14, "AUTH_HMAC_SHA2_512_256");
    private static final Map<Integer, String> DH_NAMES = Map.ofEntries(Map.entry(1, "MODP_768"), Map.entry(2, "MODP_1024"),
            Map.entry(5, "MODP_1536"), Map.entry(14, "MODP_2048"), Map.entry(15, "MODP_3072"), Map.entry(16, "MODP_4096"),
            Map.entry(19, "ECP_256"), Map.entry(20, "ECP_384"), Map.entry(21, "ECP_521"), Map.entry(31, "CURVE_25519"),
            Map.entry(32, "CURVE_448"));

    /** Checks the fields fit their wire sizes. */
    public IkeTransform {
        if (type < 0 || type > 0xff || id < 0 || id > 0xffff) {
            throw new IllegalArgumentException("type must be 0-255 and id 0-65535, was " + type + "/" + id);
        }
    }

    /**
     * @param type a transform type
     * @param id a transform ID
     * @return a transform without attributes
     */
    public static IkeTransform of(int type, int id) {
        return new IkeTransform(type, id, OptionalInt.empty());
    }

    /**
     * @param bits the AES key length, 128, 192 or 256
     * @return AES-CBC with that key length
     */
    public static IkeTransform aesCbc(int bits) {
        return new IkeTransform(ENCR, 12, OptionalInt.of(bits));
    }

    /**
     * @param group a Diffie-Hellman group number
     * @return the group's name, e.g. {@code MODP_2048}, or {@code DH_n}
     */
    public static String groupName(int group) {
        return DH_NAMES.getOrDefault(group, "DH_" + group);
    }

    /**
     * Decodes one transform.
     *
     * @param in the proposal; the reader index moves past the transform
     * @return the transform and whether more follow
     * @throws ProtocolDecodeException when its length or an attribute is malformed
     */
    static Decoded decode(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= HEADER, IkeResponder.PROTOCOL, "transform needs %d bytes, %d left",
                HEADER, in.readableBytes());
        int last = in.readUnsignedByte();
        in.skipBytes(1);
        int length = in.readUnsignedShort();
        ProtocolDecodeException.check(length >= HEADER && length - 4 <= in.readableBytes(), IkeResponder.PROTOCOL,
                "transform length %d outside %d-%d", length, HEADER, in.readableBytes() + 4);
        ProtocolDecodeException.check(last == 0 || last == 3, IkeResponder.PROTOCOL, "transform Last Substruc %d", last);
        int type = in.readUnsignedByte();
        in.skipBytes(1);
        int id = in.readUnsignedShort();
        ByteBuf attrs = in.readSlice(length - HEADER);
        OptionalInt keyLength = OptionalInt.empty();
        while (attrs.isReadable()) {
            ProtocolDecodeException.check(attrs.readableBytes() >= 4, IkeResponder.PROTOCOL, "truncated transform attribute");
            int attrType = attrs.readUnsignedShort();
            if ((attrType & 0x8000) != 0) {
                int value = attrs.readUnsignedShort();
                if (attrType == KEY_LENGTH_TV) {
                    keyLength = OptionalInt.of(value);
                }
            } else {
                int len = attrs.readUnsignedShort();
                ProtocolDecodeException.check(len <= attrs.readableBytes(), IkeResponder.PROTOCOL,
                        "attribute length %d past the transform", len);
                attrs.skipBytes(len);
            }
        }
        return new Decoded(new IkeTransform(type, id, keyLength), last == 3);
    }

    /**
     * @param out the buffer to write to, not null
     * @param more whether another transform follows in the proposal
     */
    void encode(ByteBuf out, boolean more) {
        out.writeByte(more ? 3 : 0).writeByte(0);
        out.writeShort(HEADER + (keyLength.isPresent() ? 4 : 0));
        out.writeByte(type).writeByte(0).writeShort(id);
        if (keyLength.isPresent()) {
            out.writeShort(KEY_LENGTH_TV).writeShort(keyLength.getAsInt());
        }
    }

    @Override
    public String toString() {
        Map<Integer, String> names = switch (type) {
            case ENCR -> ENCR_NAMES;
            case PRF -> PRF_NAMES;
            case INTEG -> INTEG_NAMES;
            case DH -> DH_NAMES;
            default -> Map.of();
        };
        String name = names.getOrDefault(id, TYPES.getOrDefault(type, "TYPE_" + type) + "_" + id);
        return keyLength.isPresent() ? name + "-" + keyLength.getAsInt() : name;
    }

    /** A decoded transform and its Last Substruc flag. */
    record Decoded(IkeTransform transform, boolean more) {
    }
}
