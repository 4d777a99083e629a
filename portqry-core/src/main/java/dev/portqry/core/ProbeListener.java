package dev.portqry.core;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Observes what a {@link PortProbe} does, event by event: name resolution, each step-1
 * attempt, the TCP connect, network errors and what they mean, the step-2 query written, reply
 * bytes received, the responder's outcome and the end of each probe. In the spirit of
 * OkHttp's {@code EventListener} and Netty's {@code DnsQueryLifecycleObserver}: metrics and
 * tracing hook in here instead of parsing logs. Register one with
 * {@link PortProbe.Builder#listener(ProbeListener)}.
 *
 * <p>Every method has an empty default, so a listener overrides only what it needs. The probe
 * events of one probe come in this order: {@link #probeStart}, then per attempt
 * {@link #attemptStart} followed by {@link #connected} or {@link #networkError} (or nothing
 * when the attempt times out), then for step 2 {@link #queryWritten} and
 * {@link #replyReceived} as often as they happen, {@link #outcome} once, and {@link #probeEnd}
 * or {@link #probeFailed} last.
 *
 * <p><b>Threading.</b> Probe events are called on the Netty event loop thread that runs the
 * probe ({@link #probeEnd} and {@link #probeFailed} on the thread that completes or cancels its
 * future); resolution events on the thread that completes the resolution (a resolver thread, or
 * the caller's own for an IP literal). A listener must be thread-safe and must not block. <b>Faults.</b> What a listener throws is caught: the first throw is logged at WARN,
 * later ones at DEBUG, and no probe's verdict changes.
 */
public interface ProbeListener {
    /** The listener that does nothing: the default. */
    ProbeListener NONE = new ProbeListener() {
    };

    /**
     * One probe, as every probe event names it.
     *
     * @param protocol TCP or UDP
     * @param remote the address and port probed
     * @param responder the name of the step-2 responder, empty when the probe has none
     */
    record Call(Protocol protocol, InetSocketAddress remote, Optional<String> responder) {
        /**
         * @param protocol not null
         * @param remote not null
         * @param responder not null
         */
        public Call {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(responder, "responder");
        }

        @Override
        public String toString() {
            return protocol + " " + remote.getAddress().getHostAddress() + ":" + remote.getPort()
                    + responder.map(r -> " (" + r + ")").orElse("");
        }
    }

    /**
     * A name's resolution begins (also for an IP literal, which resolves at once).
     *
     * @param target the name or literal as given
     */
    default void resolutionStart(String target) {
    }

    /**
     * A name resolved.
     *
     * @param target the name or literal as given
     * @param resolved its addresses
     */
    default void resolutionEnd(String target, ResolvedTarget resolved) {
    }

    /**
     * A name did not resolve (or the probe was closed meanwhile).
     *
     * @param target the name or literal as given
     * @param cause why, usually an {@link UnresolvedTargetException}
     */
    default void resolutionFailed(String target, Throwable cause) {
    }

    /**
     * A probe of one address and port begins.
     *
     * @param call the probe
     */
    default void probeStart(Call call) {
    }

    /**
     * A step-1 attempt begins: a TCP connect, or a plain UDP datagram.
     *
     * @param call the probe
     * @param attempt 1 for the first attempt
     */
    default void attemptStart(Call call, int attempt) {
    }

    /**
     * A TCP connect succeeded.
     *
     * @param call the probe
     * @param local the local address and port of the connection
     */
    default void connected(Call call, InetSocketAddress local) {
    }

    /**
     * The network answered with an error (RST, an ICMP error, a local firewall refusal...) and
     * the engine classified it.
     *
     * @param call the probe
     * @param cause the error as the OS reported it
     * @param meaning what the engine reads in it, e.g. "connection refused"
     */
    default void networkError(Call call, Throwable cause, String meaning) {
    }

    /**
     * Step 2 wrote bytes to the target: the responder's query, or a later message of its
     * conversation.
     *
     * @param call the probe
     * @param bytes how many
     */
    default void queryWritten(Call call, int bytes) {
    }

    /**
     * Bytes arrived from the target: a UDP reply to step 1, or (part of) a step-2 reply.
     *
     * @param call the probe
     * @param bytes how many
     */
    default void replyReceived(Call call, int bytes) {
    }

    /**
     * A datagram from another address than the target reached a socket that accepts replies
     * from any port of the target; it was ignored.
     *
     * @param call the probe
     * @param sender who sent it
     */
    default void datagramIgnored(Call call, InetSocketAddress sender) {
    }

    /**
     * Step 2 ended.
     *
     * @param call the probe
     * @param outcome what the responder made of it
     */
    default void outcome(Call call, ResponderOutcome outcome) {
    }

    /**
     * The probe completed with a status.
     *
     * @param call the probe
     * @param status its status
     */
    default void probeEnd(Call call, PortStatus status) {
    }

    /**
     * The probe's future failed or was cancelled.
     *
     * @param call the probe
     * @param cause the failure ({@link java.util.concurrent.CancellationException} when cancelled)
     */
    default void probeFailed(Call call, Throwable cause) {
    }
}
