package dev.portqry.core.internal;

import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeListener;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.SafeText;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one event sink: logs each event at DEBUG (logger {@code dev.portqry.core.probe},
 * the engine's only trace of a probe's course) and hands it to the user's
 * {@link ProbeListener}, guarded: what the listener throws is caught, the first throw logged at
 * WARN and later ones at DEBUG, so a faulty listener never changes a verdict or leaves a future
 * pending. Thread-safe.
 */
public final class ProbeEvents implements ProbeListener {
    private static final Logger log = LoggerFactory.getLogger("dev.portqry.core.probe");

    private final ProbeListener listener;
    private final AtomicInteger failures = new AtomicInteger();

    /** @param listener the user's listener, {@link ProbeListener#NONE} for none */
    public ProbeEvents(ProbeListener listener) {
        this.listener = listener;
    }

    /** @return how many times the listener threw */
    public int listenerFailures() {
        return failures.get();
    }

    private void guarded(String event, Runnable r) {
        if (listener == NONE) {
            return;
        }
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            if (failures.getAndIncrement() == 0) {
                log.warn("ProbeListener.{} threw ({}); probes go on, later throws are logged at DEBUG",
                        event, SafeText.escape(String.valueOf(e)), e);
            } else {
                log.debug("ProbeListener.{} threw", event, e);
            }
        }
    }

    @Override
    public void resolutionStart(String target) {
        log.debug("resolving {}", SafeText.escape(target));
        guarded("resolutionStart", () -> listener.resolutionStart(target));
    }

    @Override
    public void resolutionEnd(String target, ResolvedTarget resolved) {
        log.debug("resolved {} to {}", SafeText.escape(target), resolved.addresses());
        guarded("resolutionEnd", () -> listener.resolutionEnd(target, resolved));
    }

    @Override
    public void resolutionFailed(String target, Throwable cause) {
        log.debug("resolution of {} failed: {}", SafeText.escape(target), SafeText.escape(String.valueOf(cause)));
        guarded("resolutionFailed", () -> listener.resolutionFailed(target, cause));
    }

    @Override
    public void probeStart(Call call) {
        log.debug("{}: probe starts", call);
        guarded("probeStart", () -> listener.probeStart(call));
    }

    @Override
    public void attemptStart(Call call, int attempt) {
        log.debug("{}: attempt {}", call, attempt);
        guarded("attemptStart", () -> listener.attemptStart(call, attempt));
    }

    @Override
    public void connected(Call call, InetSocketAddress local) {
        log.debug("{}: connected from {}", call, local);
        guarded("connected", () -> listener.connected(call, local));
    }

    @Override
    public void networkError(Call call, Throwable cause, String meaning) {
        log.debug("{}: {} ({})", call, meaning, cause.getMessage());
        guarded("networkError", () -> listener.networkError(call, cause, meaning));
    }

    @Override
    public void queryWritten(Call call, int bytes) {
        log.debug("{}: wrote {} bytes", call, bytes);
        guarded("queryWritten", () -> listener.queryWritten(call, bytes));
    }

    @Override
    public void replyReceived(Call call, int bytes) {
        log.debug("{}: received {} bytes", call, bytes);
        guarded("replyReceived", () -> listener.replyReceived(call, bytes));
    }

    @Override
    public void datagramIgnored(Call call, InetSocketAddress sender) {
        log.debug("{}: ignoring a datagram from {}: the query went to the target", call, sender);
        guarded("datagramIgnored", () -> listener.datagramIgnored(call, sender));
    }

    @Override
    public void outcome(Call call, ResponderOutcome outcome) {
        if (log.isDebugEnabled()) {
            log.debug("{}: {}", call, SafeText.escape(String.valueOf(outcome)));
        }
        guarded("outcome", () -> listener.outcome(call, outcome));
    }

    @Override
    public void probeEnd(Call call, PortStatus status) {
        if (log.isDebugEnabled()) {
            log.debug("{}: {} ({})", call, status.state(), SafeText.escape(status.reason()));
        }
        guarded("probeEnd", () -> listener.probeEnd(call, status));
    }

    @Override
    public void probeFailed(Call call, Throwable cause) {
        log.debug("{}: failed: {}", call, SafeText.escape(String.valueOf(cause)));
        guarded("probeFailed", () -> listener.probeFailed(call, cause));
    }
}
