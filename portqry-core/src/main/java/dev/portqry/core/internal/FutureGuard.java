package dev.portqry.core.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one place that guarantees every public future of a {@code PortProbe} a terminal state:
 * each future handed out is watched until it completes. A watchdog off the event loops fails
 * it when it outlives its deadline (a bug in the engine or a responder, or an event loop that
 * stopped running tasks); {@link #stop} fails every one still pending (the probe was closed or
 * its event loops shut down). Normal completion on the event loop always wins: the watchdog
 * only fires after the deadline plus a grace. Thread-safe.
 */
public final class FutureGuard {
    /**
     * One timer thread for the whole JVM: a wheel costs O(1) per probe and Netty warns when
     * many instances exist. Ticks of 100 ms are plenty for a last-resort deadline.
     */
    private static final HashedWheelTimer WATCHDOG = new HashedWheelTimer(
            new DefaultThreadFactory("portqry-watchdog", true), 100, TimeUnit.MILLISECONDS, 512);

    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile Supplier<RuntimeException> stopped;

    /**
     * Watches a future until it completes.
     *
     * @param f the future handed to the caller
     * @param deadline when to give up on it (null: never, only {@link #stop} ends it)
     * @param onTimeout the failure it gets when the deadline passes
     * @param <T> the value type
     * @return {@code f}
     */
    public <T> CompletableFuture<T> watch(CompletableFuture<T> f, Duration deadline, Supplier<? extends Throwable> onTimeout) {
        if (f.isDone()) {
            return f;
        }
        pending.add(f);
        Timeout t = deadline == null ? null
                : WATCHDOG.newTimeout(x -> f.completeExceptionally(onTimeout.get()), deadline.toMillis(), TimeUnit.MILLISECONDS);
        f.whenComplete((v, e) -> {
            pending.remove(f);
            if (t != null) {
                t.cancel();
            }
        });
        Supplier<RuntimeException> why = stopped;
        if (why != null) {
            // stop() ran while this was being registered: it may have missed it.
            f.completeExceptionally(why.get());
        }
        return f;
    }

    /** @return whether {@link #stop} was called */
    public boolean isStopped() {
        return stopped != null;
    }

    /**
     * Fails every watched future still pending, and every one watched from now on.
     *
     * @param why the failure each gets
     */
    public void stop(Supplier<RuntimeException> why) {
        if (stopped == null) {
            stopped = why;
        }
        for (CompletableFuture<?> f : pending.toArray(CompletableFuture<?>[]::new)) {
            f.completeExceptionally(stopped.get());
        }
    }

    /** @return how many watched futures are still pending */
    public int pendingCount() {
        return pending.size();
    }
}
