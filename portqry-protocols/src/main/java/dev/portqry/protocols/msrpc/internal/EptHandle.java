package dev.portqry.protocols.msrpc.internal;

import java.util.UUID;

/**
 * The endpoint mapper's {@code ept_lookup_handle_t}: an NDR context handle (C706 appendix O;
 * MS-RPCE 2.2.5.2: a 32-bit attributes word and a UUID). The null handle starts a lookup, and a
 * null handle returned by the server ends it.
 *
 * @param attributes the attributes word
 * @param uuid the handle's UUID, not null
 */
public record EptHandle(long attributes, UUID uuid) {
    /** The null handle: all 20 bytes zero. */
    public static final EptHandle NULL = new EptHandle(0, Uuids.NIL);

    /** @return whether this is the null handle */
    public boolean isNull() {
        return attributes == 0 && uuid.equals(Uuids.NIL);
    }

    /**
     * @param r the stub reader
     * @return the handle read
     */
    public static EptHandle read(NdrReader r) {
        long attributes = r.u32("context handle attributes");
        return new EptHandle(attributes, r.uuid("context handle uuid"));
    }

    /** @param w the stub writer */
    public void writeTo(NdrWriter w) {
        w.u32(attributes).uuid(uuid);
    }
}
