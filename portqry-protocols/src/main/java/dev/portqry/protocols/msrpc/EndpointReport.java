package dev.portqry.protocols.msrpc;

import dev.portqry.core.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PortQry's endpoint-mapper section (KB 310456, "Using the PortQry command-line tool"): the
 * banner line {@code Querying Endpoint Mapper Database...} is the CLI's, printed from the
 * responder's query banner; this is what follows it.
 */
final class EndpointReport {
    /** The section's last line, as PortQry prints it. */
    static final String END = "==== End of RPC Endpoint Mapper query response ====";

    private EndpointReport() {
    }

    /**
     * @param endpoints the endpoints to list
     * @param note a line printed before the total (e.g. that the list was capped), empty for none
     * @return {@code Server's response:}, a blank line, per endpoint {@code UUID: <uuid> <name>} and
     *         its string binding followed by a blank line, {@code Total endpoints found: N}, a blank
     *         line and the end marker
     */
    static List<String> lines(List<RpcEndpoint> endpoints, String note) {
        List<String> out = new ArrayList<>(endpoints.size() * 3 + 6);
        out.add("Server's response:");
        out.add("");
        for (RpcEndpoint e : endpoints) {
            String name = e.displayName();
            String uuid = e.interfaceId().uuid().toString().toLowerCase(Locale.ROOT);
            out.add("UUID: " + uuid + (name.isEmpty() ? "" : " " + name));
            out.add(e.stringBinding());
            out.add("");
        }
        if (!note.isEmpty()) {
            out.add(note);
            out.add("");
        }
        out.add("Total endpoints found: " + endpoints.size());
        out.add("");
        out.add(END);
        // Annotations and string bindings come off the wire: escaped here, the section's one exit.
        return out.stream().map(SafeText::escape).toList();
    }

    /**
     * @param endpoints endpoints
     * @return the distinct {@code ncacn_ip_tcp} ports, ascending
     */
    static List<Integer> tcpPorts(List<RpcEndpoint> endpoints) {
        return endpoints.stream().map(RpcEndpoint::tcpPort).filter(p -> p.isPresent())
                .map(p -> p.getAsInt()).distinct().sorted().toList();
    }
}
