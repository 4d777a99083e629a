package dev.portqry.exporter;

import dev.portqry.core.PortProbe;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 100 concurrent {@code /probe} requests on loopback, three rounds, without the testbed: each
 * request runs a module of one listening port, one silent port (accepts, never answers its LDAP
 * query) and twelve closed ports, with Prometheus' 4 s scrape timeout (a 3.5 s deadline). Prints
 * the request-time distribution and the heap per round. Not a test: run it by hand (BENCHMARKS.md).
 */
public final class ExporterLoadBench {
    private ExporterLoadBench() {
    }

    /** @param args {@code [rounds]}, default 3 */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (ServerSocket live = new ServerSocket(0, 200, lo); ServerSocket silent = new ServerSocket(0, 200, lo)) {
            StringBuilder closed = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                try (ServerSocket s = new ServerSocket(0, 1, lo)) {
                    closed.append("      - port: tcp/").append(s.getLocalPort()).append("\n        required: false\n");
                }
            }
            ExporterConfig config = ExporterConfigLoader.parse(new StringReader("max_concurrent_probes: 128\nmodules:\n  mix:\n"
                    + "    ports:\n      - tcp/" + live.getLocalPort() + "\n      - port: tcp/" + silent.getLocalPort()
                    + "\n        expect: ldap-attribute=dnsHostName\n" + closed), "bench");
            ExecutorService clients = Executors.newFixedThreadPool(100);
            try (HeapHighWater heap = new HeapHighWater();
                 PortProbe probe = PortProbe.builder().build();
                 ExporterServer server = ExporterServer.start(probe, ExporterOptions.builder().port(0).config(config).build())) {
                for (int round = 1; round <= rounds; round++) {
                    List<Future<Long>> runs = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        runs.add(clients.submit(() -> {
                            long t = System.nanoTime();
                            RawHttp.Response r = RawHttp.get(server.port(), "/probe?module=mix&target=127.0.0.1",
                                    "X-Prometheus-Scrape-Timeout-Seconds: 4");
                            if (r.status() != 200) {
                                throw new IllegalStateException("status " + r.status());
                            }
                            return (System.nanoTime() - t) / 1_000_000;
                        }));
                    }
                    long[] ms = new long[100];
                    for (int i = 0; i < 100; i++) {
                        ms[i] = runs.get(i).get();
                    }
                    Arrays.sort(ms);
                    long roundPeak = heap.takeHigh();
                    System.out.printf("round %d: 100 x /probe, p50 %d ms, p90 %d ms, max %d ms; heap peak %d MiB, after GC %d MiB%n",
                            round, ms[50], ms[90], ms[99], roundPeak >> 20, HeapHighWater.usedAfterGc() >> 20);
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }
}
