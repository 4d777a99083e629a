package dev.portqry.core.bench;


import dev.portqry.core.PortProbe;
import dev.portqry.core.PortSpec;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.Scan;
import dev.portqry.core.ScanListener;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPorts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * In-process figures for BENCHMARKS.md: probes per second to closed and open loopback ports,
 * single-probe latency p50/p99, live heap while a 65,535-port scan's results are held, and the
 * in-flight high-water mark. {@code java -cp ... dev.portqry.core.bench.ProbeBench [rounds]}
 */
public final class ProbeBench {
    private ProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        ResolvedTarget t = new ResolvedTarget("127.0.0.1", true, List.of(lo), Optional.empty());
        try (PortProbe p = PortProbe.builder().responders(ResponderRegistry.empty()).build();
             ServerSocket open = LoopbackPorts.tcpListener(lo, 4096)) {
            Thread drain = new Thread(() -> {
                while (!open.isClosed()) {
                    try {
                        open.accept().close();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            drain.setDaemon(true);
            drain.start();
            int closed = LoopbackPorts.closedTcpPort(lo);
            // The open port's accept queue is the server's limit, not ours: keep in flight below it.
            ProbeOptions o = ProbeOptions.builder().maxInFlight(256).build();
            for (int r = 0; r < rounds; r++) {
                System.out.printf("round %d: closed %.0f probes/s, open %.0f probes/s, latency closed %s, open %s%n", r + 1,
                        rate(p, t, closed, o), rate(p, t, open.getLocalPort(), o),
                        latency(p, lo, closed), latency(p, lo, open.getLocalPort()));
            }
            System.gc();
            long before = usedHeap();
            Scan scan = p.scan(t, PortSpec.range(Protocol.TCP, 1, 65535), ProbeOptions.builder().tcpAttempts(1).build(),
                    new ScanListener() { });
            List<PortStatus> all = scan.completion().join();
            System.gc();
            long held = usedHeap();
            System.out.printf("65,535-port scan: %d results held, live heap %d MiB (%d MiB before), in flight at most %d of %d%n",
                    all.size(), held >> 20, before >> 20, scan.inFlightHighWater(), scan.maxInFlight());
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double rate(PortProbe p, ResolvedTarget t, int port, ProbeOptions o) {
        int n = 20_000;
        long t0 = System.nanoTime();
        List<PortStatus> all = p.scan(t, Collections.nCopies(n, new PortSpec(Protocol.TCP, port)), o, new ScanListener() { })
                .completion().join();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (all.stream().map(PortStatus::state).distinct().count() != 1) {
            throw new IllegalStateException("mixed states: " + all.stream().map(PortStatus::state).distinct().toList());
        }
        return n / secs;
    }

    private static String latency(PortProbe p, InetAddress a, int port) {
        int n = 2000;
        long[] us = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            PortState s = p.probe(a, Protocol.TCP, port).join().state();
            us[i] = (System.nanoTime() - t0) / 1000;
            if (s == PortState.FILTERED) {
                throw new IllegalStateException("filtered on loopback");
            }
        }
        Arrays.sort(us);
        return "p50 " + us[n / 2] + " us / p99 " + us[n * 99 / 100] + " us";
    }
}
