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
    /** The lowest port a probe can target: 1. */
    public static final int MIN_PORT = 1;
    /** The highest port: 65,535. */
    public static final int MAX_PORT = 65_535;

    /** Validates the spec. */
    public PortSpec {
        Objects.requireNonNull(protocol, "protocol");
        checkPort(port);
    }

    /**
     * @param port any number
     * @return whether it is a port a probe can target, {@value #MIN_PORT}-{@value #MAX_PORT}
     */
    public static boolean isPort(int port) {
        return port >= MIN_PORT && port <= MAX_PORT;
    }

    /**
     * The one check of a port number, for every API that takes one.
     *
     * @param port the port
     * @return {@code port}
     * @throws IllegalArgumentException "port must be 1-65535, was N" when it is out of range
     */
    public static int checkPort(int port) {
        if (!isPort(port)) {
            throw new IllegalArgumentException("port must be " + MIN_PORT + "-" + MAX_PORT + ", was " + port);
        }
        return port;
    }

    /**
     * @param protocol the protocol of every spec
     * @param first the first port, 1-65535
     * @param last the last port, {@code first}-65535
     * @return the ports {@code first..last} in ascending order
     */
    public static List<PortSpec> range(Protocol protocol, int first, int last) {
        if (!isPort(first) || !isPort(last) || first > last) {
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
