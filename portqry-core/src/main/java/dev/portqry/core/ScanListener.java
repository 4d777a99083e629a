package dev.portqry.core;

/**
 * Receives a scan's results as they arrive. Called on event-loop threads: return quickly and
 * never block. Both methods default to doing nothing. What a method throws is caught: the scan
 * goes on, the first throw is logged at WARN and every one is counted by
 * {@link Scan#listenerFailures()}.
 */
public interface ScanListener {
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
