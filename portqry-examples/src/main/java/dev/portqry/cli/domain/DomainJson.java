package dev.portqry.cli.domain;

import dev.portqry.cli.JsonWriter;
import dev.portqry.protocols.ad.DomainCell;
import dev.portqry.protocols.ad.DomainMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix as one JSON object: {@code domain}, {@code dnsServer}, {@code discovery} (every SRV
 * question and controller), {@code columns}, {@code rows} (each with {@code controller},
 * {@code address} and {@code cells} keyed by column key), {@code elapsedMs} and {@code exitCode}.
 */
final class DomainJson {
    private DomainJson() {
    }

    static String write(DomainMatrix m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("domain", m.discovery().domain());
        root.put("dnsServer", m.discovery().dnsServer().getAddress().getHostAddress() + ":" + m.discovery().dnsServer().getPort());
        root.put("discovery", m.discovery());
        root.put("columns", m.columns().stream().map(c -> Map.of("key", c.key(), "label", c.label(), "description", c.description()))
                .toList());
        List<Object> rows = new ArrayList<>();
        for (DomainMatrix.Row r : m.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("controller", r.controller().hostName());
            row.put("address", r.address());
            Map<String, Object> cells = new LinkedHashMap<>();
            for (DomainCell c : r.cells()) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("state", c.state());
                cell.put("value", c.value());
                cell.put("reason", c.reason());
                cell.put("elapsedMs", c.elapsed().toMillis());
                cells.put(c.column().key(), cell);
            }
            row.put("cells", cells);
            rows.add(row);
        }
        root.put("rows", rows);
        root.put("elapsedMs", m.elapsed().toMillis());
        root.put("exitCode", m.exitCode());
        return JsonWriter.write(root);
    }
}
