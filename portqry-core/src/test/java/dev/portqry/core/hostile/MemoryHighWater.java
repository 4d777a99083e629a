package dev.portqry.core.hostile;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocatorMetric;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples memory every millisecond while it is open: the pooled allocator's used memory (where
 * the probe's reads and reply cumulation live) and the JVM heap in use. The highs are what
 * RELIABILITY.md records.
 */
final class MemoryHighWater implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Thread sampler;
    private final long pooledBaseline = pooledUsed();
    private volatile boolean running = true;
    private volatile long pooledHigh;
    private volatile long heapHigh;

    MemoryHighWater() {
        sampler = new Thread(() -> {
            while (running) {
                pooledHigh = Math.max(pooledHigh, pooledUsed());
                heapHigh = Math.max(heapHigh, MEMORY.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-high-water");
        sampler.setDaemon(true);
        sampler.start();
    }

    static long pooledUsed() {
        PooledByteBufAllocatorMetric m = PooledByteBufAllocator.DEFAULT.metric();
        return m.usedDirectMemory() + m.usedHeapMemory();
    }

    /** @return the highest pooled memory in use while sampling, in bytes */
    long pooledHigh() {
        return pooledHigh;
    }

    /** @return pooled memory in use before sampling began, in bytes */
    long pooledBaseline() {
        return pooledBaseline;
    }

    /** @return the highest heap in use while sampling, in bytes (garbage included) */
    long heapHigh() {
        return heapHigh;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1000);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "pooled buffers %,d KiB before, high water %,d KiB; heap high water %,d MiB",
                pooledBaseline >> 10, pooledHigh >> 10, heapHigh >> 20);
    }
}
