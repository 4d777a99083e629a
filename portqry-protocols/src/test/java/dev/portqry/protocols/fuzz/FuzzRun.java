package dev.portqry.protocols.fuzz;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.fuzz.Seeds.Seed;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The loop of one fuzz run, on its own thread: every seed as it is, then mutants of random
 * seeds, each timed and its allocation measured ({@code ThreadMXBean} per-thread allocated
 * bytes). Stops at the first input that fails; {@link DecoderFuzz} watches {@link #current()}
 * for hangs.
 */
final class FuzzRun {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<Seed> seeds;
    private final DecoderFuzz.Trial trial;
    private volatile Attempt current;
    private volatile Throwable failure;
    private volatile Attempt failed;
    private final long[] counts = new long[DecoderFuzz.Outcome.values().length];
    private long inputs;
    private long maxAllocated;
    private long maxInput;
    private long elapsedNanos;

    FuzzRun(List<Seed> seeds, DecoderFuzz.Trial trial) {
        this.seeds = seeds;
        this.trial = trial;
    }

    void loop(int iterations, long seed) {
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random, seeds.stream().map(Seed::bytes).toList());
        long start = System.nanoTime();
        try {
            for (int i = 0; i < iterations; i++) {
                boolean asIs = i < seeds.size();
                Attempt a = new Attempt(i, asIs ? i : random.nextInt(seeds.size()), random);
                UnaryOperator<byte[]> mutation = asIs ? b -> b : b -> mutator.mutate(b, a.mutationLog());
                if (!tryOne(a, mutation)) {
                    return;
                }
            }
        } finally {
            elapsedNanos = System.nanoTime() - start;
        }
    }

    private boolean tryOne(Attempt a, UnaryOperator<byte[]> mutation) {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        a.started();
        current = a;
        DecoderFuzz.Outcome outcome;
        try {
            outcome = trial.attempt(seeds.get(a.seedIndex()).bytes(), mutation, a);
        } catch (ProtocolDecodeException e) {
            outcome = DecoderFuzz.Outcome.DECODE_ERROR;
        } catch (Throwable t) { // anything else, StackOverflowError and OutOfMemoryError included, is a finding
            return fail(a, t);
        }
        long took = a.runningNanos();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        current = null;
        int length = a.input() == null ? 0 : a.input().length;
        if (took > DecoderFuzz.TIME_LIMIT.toNanos()) {
            return fail(a, new AssertionError("took " + Duration.ofNanos(took).toMillis() + " ms"));
        }
        if (allocated > DecoderFuzz.allocationBudget(length)) {
            return fail(a, new AssertionError("allocated " + allocated + " bytes for a " + length
                    + "-byte input: something is sized by a declared length"));
        }
        counts[outcome.ordinal()]++;
        inputs++;
        maxAllocated = Math.max(maxAllocated, allocated);
        maxInput = Math.max(maxInput, length);
        return true;
    }

    private boolean fail(Attempt a, Throwable t) {
        failed = a;
        failure = t;
        current = null;
        return false;
    }

    /** @return the input being tried now, null between inputs */
    Attempt current() {
        return current;
    }

    /** @return the first failure, null when none */
    Throwable failure() {
        return failure;
    }

    /** @return the input that failed */
    Attempt failed() {
        return failed;
    }

    FuzzReport report(String name, long seed) {
        return new FuzzReport(name, seed, inputs, counts[DecoderFuzz.Outcome.TYPED.ordinal()],
                counts[DecoderFuzz.Outcome.DECODE_ERROR.ordinal()], counts[DecoderFuzz.Outcome.INCOMPLETE.ordinal()],
                Duration.ofNanos(elapsedNanos), maxAllocated, maxInput);
    }
}
