package dev.portqry.protocols.ad;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell of the domain matrix. Text fields may hold raw wire text: escape them to print.
 *
 * @param controller the DC's host name (its row)
 * @param address the address probed, empty when the DC has none
 * @param column the check (its column)
 * @param state the verdict
 * @param value what the check read when it answered, e.g. {@code 364 days}, {@code required},
 *        {@code site Default-First-Site-Name}; may be empty
 * @param reason why, when the state is not LISTENING or ANSWERED; else empty
 * @param elapsed how long the check took
 */
public record DomainCell(String controller, Optional<InetAddress> address, CheckColumn column, CellState state, String value,
                         String reason, Duration elapsed) {
    /** Checks the fields. */
    public DomainCell {
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
