package dev.portqry.core;

import dev.portqry.core.spi.ResponderResult;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one probe of one port. Immutable.
 *
 * @param address the address probed
 * @param protocol TCP or UDP
 * @param port the port probed, 1-65535
 * @param state the verdict: after the protocol query when one ran, else the port state
 * @param initialState the state from step 1 alone (TCP connect or plain UDP datagram); equal
 *        to {@code state} unless a protocol query changed it (UDP LISTENING or FILTERED turned
 *        into LISTENING or FILTERED)
 * @param serviceName the port's name in the services file, if any
 * @param attempts how many connects or datagrams were sent in step 1
 * @param elapsed wall time of the whole probe
 * @param reason why the verdict is what it is, in words ("connection refused", "ICMP port
 *        unreachable", "no reply after 3 attempts of 1000 ms")
 * @param responder what the protocol query produced, empty when no responder ran
 */
public record PortStatus(
        InetAddress address,
        Protocol protocol,
        int port,
        PortState state,
        PortState initialState,
        Optional<String> serviceName,
        int attempts,
        Duration elapsed,
        String reason,
        Optional<ResponderOutcome> responder) {

    /** Checks that nothing is null. */
    public PortStatus {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(responder, "responder");
    }

    /**
     * The typed result of the protocol query, if it answered with that type.
     *
     * <pre>{@code
     * status.result(RootDseResult.class).ifPresent(dse -> System.out.println(dse.dnsHostName()));
     * }</pre>
     *
     * @param type the result type expected
     * @param <T> that type
     * @return the result, empty when no responder ran, it got no reply, could not parse it, or
     *         produced another type
     */
    public <T extends ResponderResult> Optional<T> result(Class<T> type) {
        return responder.filter(o -> o instanceof ResponderOutcome.Answered)
                .map(o -> ((ResponderOutcome.Answered) o).result())
                .filter(type::isInstance)
                .map(type::cast);
    }

    /** @return the service name, or {@code unknown} as PortQry prints it */
    public String serviceLabel() {
        return serviceName.orElse("unknown");
    }

    /**
     * @return PortQry's status line, e.g. {@code TCP port 80 (http service): LISTENING}, for the
     *         step 1 state
     */
    public String portQryLine() {
        return protocol + " port " + port + " (" + serviceLabel() + " service): " + initialState.displayName();
    }
}
