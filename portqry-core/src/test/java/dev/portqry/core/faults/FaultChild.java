package dev.portqry.core.faults;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortQryException;
import dev.portqry.core.PortSpec;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.ScanListener;
import dev.portqry.core.spi.ResponderRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The fault matrix cells that need a real fault the test JVM cannot give itself, run in a child
 * JVM that {@link FaultChildProcessTest} starts under it:
 * <ul>
 *   <li>{@code firewall}: inside a network namespace whose nftables OUTPUT chain drops every TCP
 *       and UDP packet (send() fails with EPERM);</li>
 *   <li>{@code emfile}: under a low RLIMIT_NOFILE ({@code prlimit --nofile=...}), with every
 *       descriptor taken before the probes start (socket() fails with EMFILE);</li>
 *   <li>{@code flood}: under the same low limit, many more concurrent probes than descriptors.</li>
 * </ul>
 * Prints one {@code CELL} line per entry point: the outcome, the time taken against the
 * deadline, descriptors before and after, and the lines logged at WARN or above. The parent
 * asserts on those lines. Also runnable by hand (see RELIABILITY.md).
 */
public final class FaultChild {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final int PORT = 5999;
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .tcpConnectTimeout(Duration.ofMillis(500)).tcpAttempts(2).udpTimeout(Duration.ofMillis(500)).udpAttempts(2)
            .responder(ResponderSelection.NONE).build();

    /** Whether a descriptor is free to count descriptors with. */
    private static boolean counting = true;

    private FaultChild() {
    }

    /** @param args the fault: firewall, emfile or flood */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (PortProbe p = PortProbe.builder().responders(ResponderRegistry.empty()).defaultOptions(OPTS).build()) {
            ResolvedTarget t = p.resolve(LO.getHostAddress(), OPTS).get();
            // Warm up every path (classes load from jars and directories, which opens files) before any baseline.
            matrix(new PrintStream(PrintStream.nullOutputStream()), p, t, "warm-up");
            new PortQryException("warm-up").fillInStackTrace();
            switch (args[0]) {
                case "firewall" -> matrix(out, p, t, "send refused by the local firewall");
                case "emfile" -> {
                    // No descriptor is free to count descriptors with: count around the whole matrix.
                    long before = Descriptors.count();
                    List<RandomAccessFile> taken = takeAllDescriptors();
                    counting = false;
                    try {
                        matrix(out, p, t, "socket creation fails (EMFILE)");
                    } finally {
                        for (RandomAccessFile f : taken) {
                            f.close();
                        }
                        counting = true;
                    }
                    out.println("DESCRIPTORS\t" + before + "\t" + Descriptors.settle(before));
                    // And the probe works again once descriptors are free.
                    PortStatus again = p.probe(LO, Protocol.TCP, PORT, OPTS).get(60, TimeUnit.SECONDS);
                    out.println("AFTER " + again.state().name());
                }
                case "flood" -> flood(out, p);
                default -> throw new IllegalArgumentException("fault must be firewall, emfile or flood, was " + args[0]);
            }
        }
    }

    private static void matrix(PrintStream out, PortProbe p, ResolvedTarget t, String fault) throws Exception {
        // A name from the hosts file: no traffic (the JVM may answer it from its own cache).
        cell(out, "resolve(String)", fault, PortProbe.RESOLVE_DEADLINE.toMillis(), () -> p.resolve("localhost", OPTS));
        for (Protocol proto : Protocol.values()) {
            long deadline = PortProbe.deadline(proto, OPTS).toMillis();
            cell(out, "probe(InetAddress) " + proto, fault, deadline, () -> p.probe(LO, proto, PORT, OPTS));
            cell(out, "probe(String) " + proto, fault, deadline, () -> p.probe(LO.getHostAddress(), proto, PORT, OPTS));
            cell(out, "probe(ResolvedTarget) " + proto, fault, deadline, () -> p.probe(t, proto, PORT, OPTS));
            cell(out, "scan(...).completion() " + proto, fault, 2 * deadline, () -> p.scan(t,
                    List.of(new PortSpec(proto, PORT), new PortSpec(proto, PORT + 1)), OPTS, new ScanListener() { }).completion());
        }
    }

    private static void cell(PrintStream out, String entry, String fault, long deadlineMs, Supplier<CompletableFuture<?>> start)
            throws InterruptedException {
        long before = counting ? Descriptors.count() : -1;
        long t0 = System.nanoTime();
        String outcome;
        List<String> warnings;
        try (StderrCapture err = new StderrCapture()) {
            try {
                Object v = start.get().get(deadlineMs + PortProbe.GRACE.toMillis() + 30_000, TimeUnit.MILLISECONDS);
                outcome = describe(v);
            } catch (ExecutionException e) {
                outcome = "failed " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
            } catch (TimeoutException e) {
                outcome = "PENDING";
            } catch (RuntimeException e) {
                outcome = "threw " + e;
            }
            warnings = err.warnings();
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long after = counting ? Descriptors.settle(before) : -1;
        out.println("CELL\t" + entry + "\t" + fault + "\t" + outcome + "\t" + ms + "\t" + deadlineMs + "\t" + before + "\t"
                + after + "\t" + warnings.size() + (warnings.isEmpty() ? "" : "\t" + warnings.get(0)));
    }

    private static String describe(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(FaultChild::describe).distinct().toList().toString();
        }
        if (v instanceof ResolvedTarget r) {
            return "resolved " + r.addresses().size() + " address(es)";
        }
        PortStatus s = (PortStatus) v;
        return s.state() + " (" + s.reason() + ")";
    }

    /** Opens /dev/null until the open-file limit refuses, then keeps them all open. */
    private static List<RandomAccessFile> takeAllDescriptors() {
        List<RandomAccessFile> taken = new ArrayList<>();
        while (taken.size() < 1_000_000) {
            try {
                taken.add(new RandomAccessFile("/dev/null", "r"));
            } catch (IOException e) {
                return taken;
            }
        }
        throw new IllegalStateException("no open-file limit: run under prlimit --nofile=...");
    }

    /**
     * The flood: far more concurrent probes than descriptors. Every future completes:
     * NOT LISTENING when a socket was had, a {@link PortQryException} when not.
     */
    private static void flood(PrintStream out, PortProbe p) throws InterruptedException {
        int n = 5_000;
        long before = Descriptors.count();
        List<CompletableFuture<PortStatus>> fs = new ArrayList<>(n);
        int[] counts = new int[3];
        List<String> warnings;
        long t0 = System.nanoTime();
        try (StderrCapture err = new StderrCapture()) {
            for (int i = 0; i < n; i++) {
                fs.add(p.probe(LO, Protocol.TCP, PORT, OPTS));
            }
            for (CompletableFuture<PortStatus> f : fs) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    counts[0]++;
                } catch (ExecutionException e) {
                    counts[e.getCause() instanceof PortQryException ? 1 : 2]++;
                } catch (TimeoutException e) {
                    counts[2]++;
                }
            }
            warnings = err.warnings();
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long after = Descriptors.settle(before);
        out.println("FLOOD\t" + n + "\tstatus=" + counts[0] + "\tPortQryException=" + counts[1] + "\tother=" + counts[2]
                + "\t" + ms + "\t" + before + "\t" + after + "\t" + warnings.size() + (warnings.isEmpty() ? "" : "\t" + warnings.get(0)));
    }
}
