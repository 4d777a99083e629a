package dev.portqry.protocols.ad;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a domain check: one row per controller, one cell per column.
 *
 * @param discovery what DNS discovery found
 * @param columns the columns, in display order
 * @param rows one per controller, in discovery order; each row's cells follow {@code columns}
 * @param elapsed wall time of the checks (discovery not included)
 */
public record DomainMatrix(DomainControllers discovery, List<CheckColumn> columns, List<Row> rows, Duration elapsed) {
    /** Checks and copies. */
    public DomainMatrix {
        Objects.requireNonNull(discovery, "discovery");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return the worst cell's exit code (0 when every cell is fine or there is none) */
    public int exitCode() {
        return rows.stream().flatMap(r -> r.cells().stream()).mapToInt(c -> c.state().exitCode()).max().orElse(0);
    }

    /**
     * @param controller a DC host name, any case
     * @param key a column key
     * @return that cell
     */
    public Optional<DomainCell> cell(String controller, String key) {
        return rows.stream().filter(r -> r.controller().hostName().equalsIgnoreCase(controller))
                .flatMap(r -> r.cells().stream()).filter(c -> c.column().key().equals(key)).findFirst();
    }

    /**
     * One controller's row.
     *
     * @param controller the DC
     * @param address the address probed, empty when it has none
     * @param cells one per column
     */
    public record Row(DomainController controller, Optional<InetAddress> address, List<DomainCell> cells) {
        /** Checks and copies. */
        public Row {
            Objects.requireNonNull(controller, "controller");
            Objects.requireNonNull(address, "address");
            cells = List.copyOf(cells);
        }
    }
}
