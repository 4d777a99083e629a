package dev.portqry.ui;

import dev.portqry.core.PortSpec;
import dev.portqry.core.ProbeOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked query: what the page asked for, ready for {@link dev.portqry.core.PortProbe#scan}.
 *
 * @param target the name or IP literal (IPv6 without brackets), not blank
 * @param ports the ports in query order, no repeats; not empty
 * @param options the probe options with the form's fields and settings applied
 * @param service the predefined service's display name, when one was chosen
 */
record QueryRequest(String target, List<PortSpec> ports, ProbeOptions options, Optional<String> service) {
    /** Copies and checks the fields. */
    QueryRequest {
        Objects.requireNonNull(target, "target");
        ports = List.copyOf(ports);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(service, "service");
    }
}
