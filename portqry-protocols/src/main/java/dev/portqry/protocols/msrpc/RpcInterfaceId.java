package dev.portqry.protocols.msrpc;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * An RPC interface or transfer syntax identifier: UUID and version (C706 2.1.2
 * {@code rpc_if_id_t}; on the wire a {@code p_syntax_id_t} whose 32-bit version holds the major
 * version in its low 16 bits and the minor version in its high 16 bits).
 *
 * @param uuid the interface UUID, not null
 * @param majorVersion 0-65535
 * @param minorVersion 0-65535
 */
public record RpcInterfaceId(UUID uuid, int majorVersion, int minorVersion) {
    /** The endpoint mapper interface {@code e1af8308-5d1f-11c9-91a4-08002b14a0fa} v3.0 (C706 appendix O). */
    public static final RpcInterfaceId EPM = of("e1af8308-5d1f-11c9-91a4-08002b14a0fa", 3, 0);
    /** The NDR transfer syntax {@code 8a885d04-1ceb-11c9-9fe8-08002b104860} v2.0 (C706 14). */
    public static final RpcInterfaceId NDR = of("8a885d04-1ceb-11c9-9fe8-08002b104860", 2, 0);

    /** Validates the identifier. */
    public RpcInterfaceId {
        Objects.requireNonNull(uuid, "uuid");
        if (majorVersion < 0 || majorVersion > 0xffff) {
            throw new IllegalArgumentException("majorVersion must be 0-65535, was " + majorVersion);
        }
        if (minorVersion < 0 || minorVersion > 0xffff) {
            throw new IllegalArgumentException("minorVersion must be 0-65535, was " + minorVersion);
        }
    }

    /**
     * @param uuid a UUID in its text form, not null
     * @param major the major version
     * @param minor the minor version
     * @return the identifier
     */
    public static RpcInterfaceId of(String uuid, int major, int minor) {
        return new RpcInterfaceId(UUID.fromString(uuid), major, minor);
    }

    /** @return the version as a {@code p_syntax_id_t} 32-bit field: minor in the high half, major in the low half */
    public long packedVersion() {
        return (long) minorVersion << 16 | majorVersion;
    }

    /**
     * @param packed a {@code p_syntax_id_t} version field
     * @param uuid the UUID
     * @return the identifier
     */
    public static RpcInterfaceId fromPacked(UUID uuid, long packed) {
        return new RpcInterfaceId(uuid, (int) (packed & 0xffff), (int) (packed >>> 16 & 0xffff));
    }

    /** @return e.g. {@code e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0} */
    @Override
    public String toString() {
        return uuid.toString().toLowerCase(Locale.ROOT) + " v" + majorVersion + "." + minorVersion;
    }
}
