package dev.portqry.exporter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the heap in use every 10 ms while open; {@link #takeHigh()} returns and resets the high water. */
final class HeapHighWater implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final AtomicLong high = new AtomicLong();
    private final Thread sampler;

    HeapHighWater() {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                high.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-high-water");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** @return the heap in use now, in bytes (garbage included) */
    static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** @return the heap in use after a requested collection, in bytes */
    static long usedAfterGc() {
        System.gc();
        return used();
    }

    /** @return the highest heap in use since the last call (or the start), in bytes; resets it */
    long takeHigh() {
        return high.getAndSet(used());
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join(1000);
    }
}
