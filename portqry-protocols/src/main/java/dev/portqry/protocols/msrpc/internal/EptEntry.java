package dev.portqry.protocols.msrpc.internal;

import dev.portqry.core.SafeText;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import java.util.UUID;

/**
 * One {@code ept_entry_t} (C706 appendix O): object UUID, tower (null pointer allowed), and an
 * annotation of at most 64 characters.
 *
 * @param object the object UUID
 * @param tower the tower octets, null when the entry's tower pointer is null
 * @param annotation the annotation without its terminating NUL
 */
public record EptEntry(UUID object, byte[] tower, String annotation) {
    /** {@code ept_max_annotation_size}. */
    public static final int MAX_ANNOTATION = 64;

    /** @return the endpoint this entry describes; throws {@link RpcDecodeException} for a bad or missing tower */
    public RpcEndpoint toEndpoint() {
        RpcDecodeException.expect(tower != null, "entry '%s' has no tower", SafeText.escape(annotation));
        return Tower.decode(tower).toEndpoint(object, annotation);
    }

    /**
     * @param e an endpoint with a known protocol sequence
     * @return the entry a server would send for it
     */
    public static EptEntry of(RpcEndpoint e) {
        return new EptEntry(e.object(), Tower.of(e).encode(), e.annotation());
    }

    @Override
    public String toString() {
        return "EptEntry[" + object + ", '" + annotation + "', " + (tower == null ? "no tower" : tower.length + " tower bytes") + "]";
    }
}
