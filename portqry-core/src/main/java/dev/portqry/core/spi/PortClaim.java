package dev.portqry.core.spi;

import dev.portqry.core.Protocol;
import dev.portqry.core.PortSpec;
import java.util.Objects;

/**
 * A well-known port a responder answers for by default, e.g. LDAP on TCP 389.
 *
 * @param protocol the transport, not null
 * @param port 1-65535
 */
public record PortClaim(Protocol protocol, int port) {
    /** Validates the claim. */
    public PortClaim {
        Objects.requireNonNull(protocol, "protocol");
        PortSpec.checkPort(port);
    }

    /** @return a TCP claim on {@code port} */
    public static PortClaim tcp(int port) {
        return new PortClaim(Protocol.TCP, port);
    }

    /** @return a UDP claim on {@code port} */
    public static PortClaim udp(int port) {
        return new PortClaim(Protocol.UDP, port);
    }
}
