package dev.portqry.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One {@link PortProbe} shared by 64 threads issuing 100,000 probes of open and closed TCP and
 * UDP ports on loopback, each open-port probe with its own word through the test responder: every
 * status must be the right one and carry its own word (no answer crosses to another probe), and
 * the open-file count must come back to where it was.
 */
class SharedProbeConcurrencyLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final int THREADS = 64;
    private static final int PROBES = 100_000;

    /** What probe {@code i} targets; closed UDP ports are kept to a tenth, as their ICMP errors are rate-limited (1000/s). */
    private enum Kind { TCP_OPEN, TCP_CLOSED, UDP_OPEN, UDP_CLOSED }

    private static Kind kind(int i) {
        int k = i % 10;
        return k < 4 ? Kind.TCP_OPEN : k < 7 ? Kind.TCP_CLOSED : k < 9 ? Kind.UDP_OPEN : Kind.UDP_CLOSED;
    }

    @Test
    void sixtyFourThreadsShareOneProbe() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        // Generous waits: answers end them; three attempts ride out an ICMP error dropped by the kernel's rate limit.
        ProbeOptions opts = ProbeOptions.builder().responder(ResponderSelection.forced(FramedResponder.NAME))
                .udpTimeout(Duration.ofSeconds(2)).udpAttempts(3).responderTimeout(Duration.ofSeconds(20)).build();
        ExecutorService serverPool = Executors.newFixedThreadPool(16);
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new FramedResponder()).build())
                .defaultOptions(opts).build();
             ServerSocket tcp = LoopbackPorts.tcpListener(LO);
             LoopbackPeer udp = LoopbackPeer.udp(LO, q -> q.length == 1 ? new byte[] {1} : FramedResponder.reply(q, 0))) {
            serveFramed(tcp, serverPool);
            int[] ports = {tcp.getLocalPort(), LoopbackPorts.closedTcpPort(LO), udp.port(), LoopbackPorts.closedUdpPort(LO)};
            for (int i = 0; i < 400; i++) { // warm every code path (class loading opens jars) before the baseline
                check(probe, opts, ports, i);
            }
            assertThat(tcp.isBound()).isTrue();
            long baseline = openFiles();

            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread th = new Thread(() -> {
                    for (int i; (i = next.getAndIncrement()) < PROBES; ) {
                        try {
                            check(probe, opts, ports, i).ifPresent(wrong::add);
                        } catch (Exception e) {
                            wrong.add("probe " + i + ": " + e);
                        }
                        done.incrementAndGet();
                    }
                }, "prober-" + t);
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) {
                th.join();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf(java.util.Locale.ROOT, "concurrency: %,d probes from %d threads on one PortProbe in %.1f s (%,.0f probes/s), %d wrong%n",
                    done.get(), THREADS, took.toMillis() / 1000.0, done.get() / (took.toMillis() / 1000.0), wrong.size());
            assertThat(wrong).as("wrong or missing results").isEmpty();
            assertThat(done.get()).isEqualTo(PROBES);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // closes land asynchronously
            while (openFiles() > baseline && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.out.println("concurrency: open files " + baseline + " before, " + openFiles() + " after");
            assertThat(openFiles()).isLessThanOrEqualTo(baseline);
        } finally {
            serverPool.shutdownNow();
        }
    }

    /** @return what was wrong with probe {@code i}, empty when its status is right */
    private static Optional<String> check(PortProbe probe, ProbeOptions opts, int[] ports, int i) throws Exception {
        Kind kind = kind(i);
        Protocol protocol = kind == Kind.TCP_OPEN || kind == Kind.TCP_CLOSED ? Protocol.TCP : Protocol.UDP;
        String word = "p" + i;
        PortStatus st = probe.probe(LO, protocol, ports[kind.ordinal()], opts.toBuilder().set(FramedResponder.WORD, word).build())
                .get(120, TimeUnit.SECONDS);
        boolean open = kind == Kind.TCP_OPEN || kind == Kind.UDP_OPEN;
        boolean right = open
                ? st.state() == PortState.LISTENING
                        && st.result(FramedResponder.FramedResult.class).map(r -> r.text().equals("+" + word)).orElse(false)
                : st.state() == PortState.NOT_LISTENING && st.responder().isEmpty();
        return right ? Optional.empty() : Optional.of("probe " + i + " (" + kind + "): " + st);
    }

    /** Answers each framed query and hangs up, on a pool so that 40,000 connections cost no thread each. */
    private static void serveFramed(ServerSocket server, ExecutorService pool) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    pool.execute(() -> {
                        try (s) {
                            s.getOutputStream().write(FramedResponder.reply(FramedResponder.readQuery(s.getInputStream()), 0));
                        } catch (IOException e) {
                            // the probe hung up
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        }, "framed-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
