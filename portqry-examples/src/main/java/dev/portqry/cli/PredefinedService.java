package dev.portqry.cli;

import dev.portqry.core.spi.PortClaim;
import java.util.List;
import java.util.Objects;

/**
 * A named list of ports queried together, as PortQryUI's "Query predefined service" drop-down
 * and PortQry's interactive shortcuts offer them.
 *
 * @param name the display name, e.g. {@code Domains and Trusts}; not null
 * @param key a short lower-case key accepted on the command line, e.g. {@code domains}; not null
 * @param ports the ports in query order; not empty
 */
public record PredefinedService(String name, String key, List<PortClaim> ports) {
    /** Copies and checks the fields. */
    public PredefinedService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        ports = List.copyOf(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("ports must not be empty for " + name);
        }
    }

    /** @return the ports as {@code TCP 53, UDP 53}, for help text and documentation */
    public String portList() {
        return String.join(", ", ports.stream().map(p -> p.protocol() + " " + p.port()).toList());
    }
}
