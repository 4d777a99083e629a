package dev.portqry.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One port of one protocol to probe in a scan.
 *
 * @param protocol TCP or UDP, not null
 * @param port 1-65535
 */
public record PortSpec(Protocol protocol, int port) {
    /** Validates the spec. */
    public PortSpec {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
    }

    /**
     * @param protocol the protocol of every spec
     * @param first the first port, 1-65535
     * @param last the last port, {@code first}-65535
     * @return the ports {@code first..last} in ascending order
     */
    public static List<PortSpec> range(Protocol protocol, int first, int last) {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("range must be within 1-65535 with start <= end, was " + first + ":" + last);
        }
        List<PortSpec> out = new ArrayList<>(last - first + 1);
        for (int p = first; p <= last; p++) {
            out.add(new PortSpec(protocol, p));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return protocol + "/" + port;
    }
}
