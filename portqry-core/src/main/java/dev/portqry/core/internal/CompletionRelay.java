package dev.portqry.core.internal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands a future to the caller completing on the caller's executor instead of a Netty event loop,
 * so that dependent stages ({@code thenApply}, {@code join} callbacks) that block cannot stall the
 * I/O. Cancelling the handed-out future cancels the inner one; an executor that refuses the task
 * (shut down, saturated) gets it run on the completing thread, so the future still completes.
 */
public final class CompletionRelay {
    private CompletionRelay() {
    }

    /**
     * @param inner the engine's future, which always completes
     * @param executor where the handed-out future completes; null to hand out {@code inner} itself
     * @param <T> the value type
     * @return a future completing like {@code inner}, on {@code executor}
     */
    public static <T> CompletableFuture<T> relay(CompletableFuture<T> inner, Executor executor) {
        Objects.requireNonNull(inner, "inner");
        if (executor == null) {
            return inner;
        }
        CompletableFuture<T> outer = new CompletableFuture<>();
        inner.whenComplete((v, e) -> {
            Runnable complete = () -> {
                if (e != null) {
                    outer.completeExceptionally(e);
                } else {
                    outer.complete(v);
                }
            };
            try {
                executor.execute(complete);
            } catch (RejectedExecutionException rejected) {
                complete.run();
            }
        });
        outer.whenComplete((v, e) -> {
            if (outer.isCancelled()) {
                inner.cancel(false);
            }
        });
        return outer;
    }
}
