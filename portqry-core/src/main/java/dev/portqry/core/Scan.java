package dev.portqry.core;

import dev.portqry.core.internal.CompletionRelay;
import dev.portqry.core.internal.UdpPacer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running scan of many ports of one address, with at most
 * {@link ProbeOptions#maxInFlight()} probes (and so sockets) in flight. Start one with
 * {@link PortProbe#scan(ResolvedTarget, List, ProbeOptions, ScanListener)}; cancel it with
 * {@link #cancel()}. Thread-safe.
 *
 * <p>{@link #completion()} always completes: with every status, with the first probe failure
 * (the probes still running are then cancelled), or cancelled. A {@link ScanListener} that
 * throws does not stop the scan: the first throw of a scan is logged at WARN, the later ones
 * at DEBUG, and all are counted by {@link #listenerFailures()}.
 */
public final class Scan {
    private static final Logger log = LoggerFactory.getLogger(Scan.class);
    private final List<PortSpec> specs;
    private final IntFunction<CompletableFuture<PortStatus>> launcher;
    private final ScanListener listener;
    private final int limit;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger highWater = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReferenceArray<PortStatus> results;
    private final AtomicReferenceArray<CompletableFuture<PortStatus>> running;
    private final CompletableFuture<List<PortStatus>> completion = new CompletableFuture<>();
    /** What {@link #completion()} returns: {@link #completion} itself, or relayed to the probe's completion executor. */
    private final CompletableFuture<List<PortStatus>> handedOut;
    private final Object orderLock = new Object();
    private final AtomicInteger firstWave = new AtomicInteger();
    private final UdpPacer pacer;
    private final AtomicInteger listenerFailures = new AtomicInteger();
    private int nextInOrder;

    Scan(List<PortSpec> specs, int limit, ScanListener listener, IntFunction<CompletableFuture<PortStatus>> launcher,
         UdpPacer pacer, Executor completionExecutor) {
        this.handedOut = CompletionRelay.relay(completion, completionExecutor);
        this.pacer = pacer;
        this.specs = List.copyOf(specs);
        this.limit = limit;
        this.listener = listener;
        this.launcher = launcher;
        this.results = new AtomicReferenceArray<>(this.specs.size());
        this.running = new AtomicReferenceArray<>(this.specs.size());
        completion.whenComplete((r, e) -> {
            if (e != null) {
                for (int i = 0; i < running.length(); i++) {
                    CompletableFuture<PortStatus> f = running.get(i);
                    if (f != null) {
                        f.cancel(false);
                    }
                }
            }
        });
    }

    void start() {
        if (specs.isEmpty()) {
            completion.complete(List.of());
            return;
        }
        launchMore();
    }

    /** Set while this thread runs {@link #launchMore()}: a probe that completes inline must not recurse. */
    private static final ThreadLocal<Boolean> LAUNCHING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private void launchMore() {
        if (LAUNCHING.get()) {
            return; // the loop below, further up this stack, sees the freed slot
        }
        LAUNCHING.set(Boolean.TRUE);
        try {
            launchLoop();
        } finally {
            LAUNCHING.set(Boolean.FALSE);
        }
    }

    private void launchLoop() {
        while (!completion.isDone()) {
            int n = inFlight.get();
            if (n >= limit) {
                return;
            }
            if (!inFlight.compareAndSet(n, n + 1)) {
                continue;
            }
            int index = next.getAndIncrement();
            if (index >= specs.size()) {
                inFlight.decrementAndGet();
                return;
            }
            highWater.accumulateAndGet(n + 1, Math::max);
            CompletableFuture<PortStatus> f;
            try {
                f = launcher.apply(index);
            } catch (RuntimeException e) {
                completion.completeExceptionally(e);
                return;
            }
            running.set(index, f);
            f.whenComplete((s, e) -> finished(index, s, e));
        }
    }

    private void finished(int index, PortStatus status, Throwable error) {
        try {
            record(index, status, error);
        } catch (RuntimeException | Error e) {
            // Never lost in a whenComplete callback: the scan ends with the fault.
            completion.completeExceptionally(e);
        }
    }

    private void record(int index, PortStatus status, Throwable error) {
        running.set(index, null);
        inFlight.decrementAndGet();
        if (error != null) {
            if (!completion.isDone()) {
                completion.completeExceptionally(error);
            }
            return;
        }
        if (pacer == null || !pacer.hold(index, status)) {
            accept(index, status);
        }
        if (firstWave.incrementAndGet() == specs.size()) {
            if (pacer != null && pacer.hasHeld()) {
                pacer.start(this::accept, this::completeAll);
            } else {
                completeAll();
            }
        } else {
            launchMore();
        }
    }

    private void accept(int index, PortStatus status) {
        results.set(index, status);
        done.incrementAndGet();
        try {
            listener.onResult(index, status);
        } catch (RuntimeException e) {
            listenerFailed("onResult", index, e);
        }
        deliverInOrder();
    }

    private void completeAll() {
        List<PortStatus> all = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            all.add(results.get(i));
        }
        completion.complete(List.copyOf(all));
    }

    private void deliverInOrder() {
        synchronized (orderLock) {
            while (nextInOrder < specs.size()) {
                PortStatus s = results.get(nextInOrder);
                if (s == null) {
                    return;
                }
                int i = nextInOrder++;
                try {
                    listener.onResultInOrder(i, s);
                } catch (RuntimeException e) {
                    listenerFailed("onResultInOrder", i, e);
                }
            }
        }
    }

    private void listenerFailed(String method, int index, RuntimeException e) {
        if (listenerFailures.getAndIncrement() == 0) {
            log.warn("ScanListener.{} threw on result {} ({}); the scan goes on, later throws are logged at DEBUG",
                    method, index, SafeText.escape(String.valueOf(e)), e);
        } else {
            log.debug("ScanListener.{} threw on result {}", method, index, e);
        }
    }

    /** @return how many times the scan's listener threw; each throw was caught and the scan went on */
    public int listenerFailures() {
        return listenerFailures.get();
    }

    /**
     * @return every status in the order of the scan's list; fails if a probe failed (e.g. a
     *     source port in use, a socket that cannot be created, the probe closed)
     */
    public CompletableFuture<List<PortStatus>> completion() {
        return handedOut;
    }

    /** Stops the scan: probes in flight are cancelled (their sockets closed), none more start. */
    public void cancel() {
        completion.cancel(false);
    }

    /** @return the ports this scan probes, in order */
    public List<PortSpec> specs() {
        return specs;
    }

    /** @return how many probes have finished */
    public int completedCount() {
        return done.get();
    }

    /** @return the most probes that were ever in flight at once; never above {@link #maxInFlight()} */
    public int inFlightHighWater() {
        return highWater.get();
    }

    /** @return the bound on probes in flight */
    public int maxInFlight() {
        return limit;
    }

    @Override
    public String toString() {
        return "Scan[" + done.get() + "/" + specs.size() + " done, limit " + limit + ", high water " + highWater.get()
                + (specs.size() <= 8 ? ", " + Arrays.toString(specs.toArray()) : "") + "]";
    }
}
