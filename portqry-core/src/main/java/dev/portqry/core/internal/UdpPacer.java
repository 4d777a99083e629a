package dev.portqry.core.internal;

import dev.portqry.core.PortStatus;
import dev.portqry.core.PortState;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.UdpPacing;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * {@link UdpPacing#ADAPTIVE}: holds back the UDP ports of a scan that stayed silent on a host
 * that did answer other ports with ICMP port unreachable, then probes them again one at a
 * time at the pace the host's ICMP errors allow. Runs its timers on one event executor, so its
 * state needs no locks once {@link #start} is called; {@link #hold} is called concurrently
 * before that and synchronizes. Time comes from the executor's ticker, so a test drives the
 * pacer with a mock ticker.
 */
public final class UdpPacer {
    /** Silent ports re-probed slowly first, to tell a rate limit from a firewall. */
    private static final int SAMPLE = 3;
    /** After this many answered paced probes in a row, the pace quickens. */
    private static final int SPEED_UP_AFTER = 5;

    private final IntFunction<CompletableFuture<PortStatus>> launcher;
    private final EventExecutor executor;
    private final long startNanos;
    private final long minNanos;
    private final long maxNanos;
    private final long budgetNanos;
    private long deadline;
    private final Map<Integer, PortStatus> held = new HashMap<>();
    private final List<Integer> order = new ArrayList<>();
    private int icmpSeen;

    private BiConsumer<Integer, PortStatus> accept;
    private Runnable done;
    private long interval;
    private int answeredInARow;
    private int outstanding;
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final Deque<Integer> recheck = new ArrayDeque<>();
    private boolean rechecking;

    /**
     * @param launcher starts the probe of a scan index
     * @param executor runs the pacer's timers
     * @param options the ICMP interval and pacing budget
     */
    public UdpPacer(IntFunction<CompletableFuture<PortStatus>> launcher, EventExecutor executor, ProbeOptions options) {
        this.launcher = launcher;
        this.executor = executor;
        this.startNanos = options.icmpInterval().toNanos();
        this.minNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), startNanos / 50);
        this.maxNanos = startNanos * 2;
        this.budgetNanos = options.udpPacingBudget().toNanos();
    }

    /**
     * Sees a first-wave result.
     *
     * @return true when the pacer keeps it back for a paced re-probe
     */
    public synchronized boolean hold(int index, PortStatus s) {
        if (s.protocol() != Protocol.UDP || s.address().isLoopbackAddress()) {
            return false;
        }
        if (s.state() == PortState.NOT_LISTENING) {
            icmpSeen++;
            return false;
        }
        if (s.state() == PortState.LISTENING_OR_FILTERED && s.responder().isEmpty()) {
            held.put(index, s);
            order.add(index);
            return true;
        }
        return false;
    }

    /** @return whether any result is held for a paced re-probe */
    public synchronized boolean hasHeld() {
        return !held.isEmpty();
    }

    /**
     * Re-probes what it holds, delivers every held index's final status through {@code accept}
     * and then runs {@code done}.
     */
    public void start(BiConsumer<Integer, PortStatus> accept, Runnable done) {
        executor.execute(() -> {
            this.accept = accept;
            this.done = done;
            synchronized (this) {
                order.sort(null);
                queue.addAll(order);
            }
            interval = startNanos;
            deadline = executor.ticker().nanoTime() + budgetNanos;
            if (icmpSeen == 0) {
                // No ICMP at all from this host: the silence is a firewall's, not a rate limit's.
                flushUnchanged();
                return;
            }
            sample();
        });
    }

    private void sample() {
        List<Integer> sampled = new ArrayList<>();
        for (int i = 0; i < SAMPLE && !queue.isEmpty(); i++) {
            sampled.add(queue.poll());
        }
        int[] answered = {0};
        int[] left = {sampled.size()};
        for (int i = 0; i < sampled.size(); i++) {
            int index = sampled.get(i);
            executor.schedule(() -> launcher.apply(index).whenComplete((s, e) -> executor.execute(() -> {
                PortStatus fin = merge(index, s);
                accept.accept(index, fin);
                if (fin.state() == PortState.NOT_LISTENING) {
                    answered[0]++;
                }
                if (--left[0] == 0) {
                    if (answered[0] == 0) {
                        flushUnchanged();
                    } else {
                        paceNext();
                    }
                }
            })), (i + 1) * interval, TimeUnit.NANOSECONDS);
        }
    }

    private void paceNext() {
        if (executor.ticker().nanoTime() - deadline > 0 && (!queue.isEmpty() || !recheck.isEmpty())) {
            queue.addAll(recheck);
            recheck.clear();
            rechecking = true;
            List<Integer> unpaced = new ArrayList<>(queue);
            queue.clear();
            for (int i : unpaced) {
                accept.accept(i, unpaced(i));
            }
        }
        Integer index = queue.poll();
        if (index == null && !rechecking && !recheck.isEmpty()) {
            rechecking = true;
            // The last word on a silent port is said a little slower than the host's nominal ICMP
            // pace: at exactly 1 s, timer jitter lets some probes arrive before the token does.
            interval = Math.max(interval, startNanos * 6 / 5);
            queue.addAll(recheck);
            recheck.clear();
            index = queue.poll();
        }
        if (index == null) {
            if (outstanding == 0) {
                done.run();
            }
            return;
        }
        int i = index;
        outstanding++;
        boolean last = rechecking;
        executor.schedule(() -> {
            launcher.apply(i).whenComplete((s, e) -> executor.execute(() -> paced(i, s)));
            if (!last) {
                // The main pass keeps a steady pace; the final pass goes one port at a time (below).
                paceNext();
            }
        }, interval, TimeUnit.NANOSECONDS);
    }

    private void paced(int index, PortStatus s) {
        outstanding--;
        PortStatus fin = merge(index, s);
        if (fin.state() == PortState.LISTENING_OR_FILTERED && !rechecking) {
            // Silent: open, filtered, or our pace beat the host's ICMP budget. Slow down and ask again at the end.
            answeredInARow = 0;
            interval = Math.min(maxNanos, interval * 3 / 2);
            recheck.add(index);
        } else {
            if (fin.state() == PortState.NOT_LISTENING && ++answeredInARow >= SPEED_UP_AFTER) {
                answeredInARow = 0;
                interval = Math.max(minNanos, interval * 4 / 5);
            }
            accept.accept(index, fin);
        }
        if (rechecking ? outstanding == 0 : queue.isEmpty() && outstanding == 0) {
            // The final pass waits for each answer (or its timeout) and then a full interval, so
            // no two of its probes ever share one of the host's ICMP tokens.
            paceNext();
        }
    }

    private PortStatus merge(int index, PortStatus again) {
        PortStatus first;
        synchronized (this) {
            first = held.get(index);
        }
        if (again == null) {
            return first;
        }
        String reason = again.state() == PortState.LISTENING_OR_FILTERED
                ? first.reason() + "; still silent when re-probed at the host's ICMP pace"
                : again.reason() + " (on a paced re-probe: the host rate-limits ICMP errors)";
        return new PortStatus(again.address(), again.protocol(), again.port(), again.state(), again.initialState(),
                again.serviceName(), first.attempts() + again.attempts(), first.elapsed().plus(again.elapsed()), reason,
                again.responder());
    }

    private PortStatus unpaced(int index) {
        PortStatus s;
        synchronized (this) {
            s = held.get(index);
        }
        return new PortStatus(s.address(), s.protocol(), s.port(), s.state(), s.initialState(), s.serviceName(),
                s.attempts(), s.elapsed(), s.reason() + "; not re-probed: the UDP pacing budget was spent", s.responder());
    }

    private void flushUnchanged() {
        for (Integer i : queue) {
            PortStatus s;
            synchronized (this) {
                s = held.get(i);
            }
            accept.accept(i, s);
        }
        queue.clear();
        done.run();
    }
}
