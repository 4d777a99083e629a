package dev.portqry.exporter;

import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * One module port's outcome within a probe.
 *
 * @param port the module's port, not null
 * @param status the probe's result; a port still unanswered at the deadline is FILTERED with
 *        the reason {@code no answer within the probe deadline}
 * @param expectation the expectation's verdict, when the port has one and listened
 * @param completed whether the probe finished before the deadline
 */
public record PortResult(ModulePort port, PortStatus status, Optional<ExpectationResult> expectation, boolean completed) {
    /** Checks for nulls. */
    public PortResult {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expectation, "expectation");
    }

    /** @return whether the port is in its expected state and any expectation is met */
    public boolean healthy() {
        return status.state() == port.expected() && expectation.map(ExpectationResult::met).orElse(true);
    }

    /** @return whether the port listens */
    public boolean listening() {
        return status.state() == PortState.LISTENING;
    }
}
