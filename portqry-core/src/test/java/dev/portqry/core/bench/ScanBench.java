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
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * In-process scan harness:
 * {@code java -cp ... dev.portqry.core.bench.ScanBench tcp|udp first last inFlight rounds [address] [adaptive|off] [pacingBudgetMs]}.
 * Prints wall time, probes per second, open ports, high-water mark and heap after each round.
 */
public final class ScanBench {
    private ScanBench() {
    }

    public static void main(String[] args) throws Exception {
        Protocol proto = Protocol.parse(args[0]);
        int first = Integer.parseInt(args[1]);
        int last = Integer.parseInt(args[2]);
        int inFlight = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        String host = args.length > 5 ? args[5] : "127.0.0.1";
        InetAddress lo = InetAddress.getByName(host);
        ResolvedTarget t = new ResolvedTarget(host, true, List.of(lo), Optional.empty());
        ProbeOptions o = ProbeOptions.builder().maxInFlight(inFlight).tcpAttempts(1)
                .udpPacing(args.length > 6 ? dev.portqry.core.UdpPacing.valueOf(args[6].toUpperCase(java.util.Locale.ROOT))
                        : dev.portqry.core.UdpPacing.ADAPTIVE)
                .udpPacingBudget(args.length > 7 ? Duration.ofMillis(Long.parseLong(args[7])) : ProbeOptions.DEFAULT_UDP_PACING_BUDGET)
                .udpTimeout(Duration.ofMillis(500)).build();
        try (PortProbe p = PortProbe.builder().responders(ResponderRegistry.empty()).ioThreads(Integer.getInteger("bench.io", 0)).build()) {
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                Scan s = p.scan(t, PortSpec.range(proto, first, last), o, new ScanListener() { });
                List<PortStatus> all = s.completion().join();
                double secs = (System.nanoTime() - t0) / 1e9;
                long open = all.stream().filter(x -> x.state() == PortState.LISTENING).count();
                long closed = all.stream().filter(x -> x.state() == PortState.NOT_LISTENING).count();
                long lof = all.stream().filter(x -> x.state() == PortState.LISTENING_OR_FILTERED).count();
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf("%s %d ports: %.3f s, %.0f probes/s, open %d, closed %d, open|filtered %d, high water %d/%d, heap after GC %d MiB%n",
                        proto, all.size(), secs, all.size() / secs, open, closed, lof, s.inFlightHighWater(), s.maxInFlight(),
                        (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        }
    }
}
