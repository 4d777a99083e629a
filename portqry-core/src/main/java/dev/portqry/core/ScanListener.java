package dev.portqry.core;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives a scan's results as they arrive. Called on event-loop threads (the {@code portqry-N-M}
 * threads, also when the probe has a completion executor): return quickly and never block; hand
 * slow work to an executor of your own. Both methods default to doing nothing. What a method
 * throws is caught: the scan goes on, the first throw is logged at WARN and every one is counted
 * by {@link Scan#listenerFailures()}. For a lambda, use the factories:
 *
 * <pre>{@code
 * probe.scan(target, ports, options, ScanListener.inOrder(s -> System.out.println(s.portQryLine())));
 * }</pre>
 */
public interface ScanListener {
    /** A listener that ignores every result (read them from {@link Scan#completion()}). */
    ScanListener NONE = new ScanListener() {
        @Override
        public String toString() {
            return "ScanListener.NONE";
        }
    };

    /**
     * @param action called with each result as it completes, possibly from several threads at once; not null
     * @return a listener for {@link #onResult(int, PortStatus)}
     */
    static ScanListener each(Consumer<PortStatus> action) {
        Objects.requireNonNull(action, "action");
        return new ScanListener() {
            @Override
            public void onResult(int index, PortStatus status) {
                action.accept(status);
            }
        };
    }

    /**
     * @param action called with each result in the scan's list order, never concurrently; not null
     * @return a listener for {@link #onResultInOrder(int, PortStatus)}
     */
    static ScanListener inOrder(Consumer<PortStatus> action) {
        Objects.requireNonNull(action, "action");
        return new ScanListener() {
            @Override
            public void onResultInOrder(int index, PortStatus status) {
                action.accept(status);
            }
        };
    }

    /**
     * A probe finished; calls come in completion order, possibly from several threads at once.
     *
     * @param index the spec's position in the scan's list
     * @param status its status
     */
    default void onResult(int index, PortStatus status) {
    }

    /**
     * The next result in the scan's list order is known (the one at {@code index} and every one
     * before it have been delivered); calls never overlap and come in list order, so a caller can
     * print PortQry's port order while probes run concurrently.
     *
     * @param index the spec's position in the scan's list
     * @param status its status
     */
    default void onResultInOrder(int index, PortStatus status) {
    }
}
