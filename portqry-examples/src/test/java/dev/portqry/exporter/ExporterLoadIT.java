package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.testbed.Testbed;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory and deadlines under load: 100 concurrent {@code /probe} requests, 60 against the
 * pqtest namespace (open, closed, dropped and rejected ports) and 40 {@code ad_dc} probes of the
 * Samba DC, with Prometheus' 4 s scrape timeout. Every request must be answered (200) by its
 * deadline plus scheduling slack; the heap is sampled throughout and written to
 * target/exporter-load.txt (the figure quoted in BENCHMARKS.md).
 */
class ExporterLoadIT {
    static final int REQUESTS = 100;
    static final double SCRAPE_TIMEOUT = 4.0;
    /**
     * Scheduling slack: the probe deadline itself is 3.5 s, but this machine's 2 cores are shared
     * by several builds (load averages of 20 were seen), and a starved JVM answers late whatever
     * its deadlines say. The figures go to target/exporter-load.txt with the load average.
     */
    static final long SLACK_MS = 5000;

    @Test
    void hundredConcurrentProbesCompleteWithinTheirDeadlinesInBoundedHeap() throws Exception {
        Testbed tb = Testbed.require();
        String ns = tb.get("ns.address");
        // The testbed's modules file: loopback and the namespace allowed, pqtest_filtered besides the built-ins.
        ExporterConfig config = ExporterConfigLoader.load(Path.of(tb.get("prometheus.exporter.config"))).withLimits(128, 256);
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        try (PortProbe probe = PortProbe.builder().build();
             ExporterServer server = ExporterServer.start(probe, ExporterOptions.builder()
                     .bindAddress(InetAddress.getByName("127.0.0.1")).port(0).config(config).build())) {
            // Warm up once, so the figures are about load, not class loading.
            RawHttp.get(server.port(), "/probe?module=ad_dc&target=127.0.0.1", "X-Prometheus-Scrape-Timeout-Seconds: 4");
            long before = HeapHighWater.usedAfterGc();
            HeapHighWater heap = new HeapHighWater();
            List<CompletableFuture<long[]>> runs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                String path = i % 5 < 3 ? "/probe?module=pqtest_filtered&target=" + ns : "/probe?module=ad_dc&target=127.0.0.1";
                runs.add(CompletableFuture.supplyAsync(() -> {
                    long start = System.nanoTime();
                    try {
                        RawHttp.Response r = RawHttp.get(server.port(), path, "X-Prometheus-Scrape-Timeout-Seconds: " + SCRAPE_TIMEOUT);
                        return new long[] {r.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                                r.body().contains("probe_success") ? 1 : 0};
                    } catch (Exception e) {
                        return new long[] {-1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), 0};
                    }
                }, clients));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long peak = heap.takeHigh();
            heap.close();
            long after = HeapHighWater.usedAfterGc();
            long[] times = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long[] r = runs.get(i).get();
                assertThat(r[0]).as("status").isEqualTo(200);
                assertThat(r[2]).as("exposition").isEqualTo(1);
                times[i] = r[1];
            }
            java.util.Arrays.sort(times);
            long slowest = times[REQUESTS - 1];
            System.out.printf(Locale.ROOT, "exporter load: request times p50 %d ms, p90 %d ms, max %d ms%n",
                    times[REQUESTS / 2], times[REQUESTS * 9 / 10], slowest);
            String line = String.format(Locale.ROOT, "exporter load: %d concurrent /probe (60 pqtest_filtered, 40 ad_dc), "
                    + "scrape timeout %.1f s: all 200, p50 %d ms, p90 %d ms, slowest %d ms, wall %d ms; heap used after GC %.1f MiB before, "
                    + "peak %.1f MiB during, %.1f MiB after GC; max heap %.0f MiB; load average %s%n", REQUESTS, SCRAPE_TIMEOUT,
                    times[REQUESTS / 2], times[REQUESTS * 9 / 10], slowest, wall,
                    before / 1048576.0, peak / 1048576.0, after / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                    loadAverage());
            System.out.print(line);
            Files.writeString(Path.of("target", "exporter-load.txt"), line, StandardCharsets.UTF_8);
            assertThat(slowest).as("slowest request, ms").isLessThan((long) (SCRAPE_TIMEOUT * 1000) + SLACK_MS);
            // Bounded: the load leaves nothing behind (well under 64 MiB of growth once collected).
            assertThat(after - before).isLessThan(64L << 20);
        } finally {
            clients.shutdownNow();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
