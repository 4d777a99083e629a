package dev.portqry.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.IpPreference;
import dev.portqry.core.PortProbe;
import dev.portqry.core.PortSpec;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.Scan;
import dev.portqry.core.ScanListener;
import dev.portqry.core.UnresolvedTargetException;
import dev.portqry.core.spi.ResponderRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fault matrix, in-process part: every public async entry point under every fault that can
 * be injected here (resolution fails, options refused after resolution, a listener throws, the
 * responder's open() or its conversation throws, the event loop shuts down mid-probe,
 * cancellation at each stage, close() with futures pending). Each case asserts that the
 * future completes within its deadline plus {@link PortProbe#GRACE} (bounded by a generous
 * timeout on get(): a hang fails, slowness does not), with the documented outcome, that no
 * descriptor is left open, and that nothing was logged at WARN or above except the documented
 * listener WARN. Socket creation failure (a low RLIMIT_NOFILE) and a send refused by the local
 * firewall are real faults in child processes: {@code FaultChildProcessTest}.
 */
class FaultInjectionTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .tcpConnectTimeout(Duration.ofSeconds(1)).tcpAttempts(1).udpTimeout(Duration.ofMillis(500)).udpAttempts(2)
            .responderTimeout(Duration.ofSeconds(2)).build();
    /** Generous on top of deadline + grace: the machine may be loaded; the bound catches hangs, not slowness. */
    private static final long SLACK_MS = 15_000;

    private static ServerSocket tcpPeer;
    private static LoopbackPeers udpPeer;

    @BeforeAll
    static void peers() throws IOException {
        tcpPeer = new ServerSocket();
        tcpPeer.bind(new InetSocketAddress(LO, 0), 64);
        Thread t = new Thread(() -> {
            while (!tcpPeer.isClosed()) {
                try {
                    Socket s = tcpPeer.accept();
                    OutputStream out = s.getOutputStream();
                    out.write("+ok\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // leave it open: the client closes
                    Thread d = new Thread(() -> drainThenClose(s), "fault-tcp-drain");
                    d.setDaemon(true);
                    d.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fault-tcp-peer");
        t.setDaemon(true);
        t.start();
        udpPeer = new LoopbackPeers();
    }

    private static void drainThenClose(Socket s) {
        try (s) {
            while (s.getInputStream().read() >= 0) {
                // discard
            }
        } catch (IOException e) {
            // client gone
        }
    }

    @AfterAll
    static void stopPeers() throws IOException {
        tcpPeer.close();
        udpPeer.close();
    }

    /** A UDP peer that answers every datagram with +ok and a silent one. */
    private static final class LoopbackPeers implements AutoCloseable {
        final DatagramSocket answering = new DatagramSocket(new InetSocketAddress(LO, 0));
        final DatagramSocket silent = new DatagramSocket(new InetSocketAddress(LO, 0));

        LoopbackPeers() throws IOException {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[2048];
                while (!answering.isClosed()) {
                    try {
                        java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                        answering.receive(p);
                        byte[] ok = "+ok\n".getBytes(StandardCharsets.US_ASCII);
                        answering.send(new java.net.DatagramPacket(ok, ok.length, p.getSocketAddress()));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "fault-udp-peer");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            answering.close();
            silent.close();
        }
    }

    private static PortProbe probeWith(FaultyResponder.Fault fault) {
        return PortProbe.builder().responders(ResponderRegistry.builder().add(new FaultyResponder(fault)).build())
                .defaultOptions(OPTS).build();
    }

    private static int answeringPort(Protocol p) {
        return p == Protocol.TCP ? tcpPeer.getLocalPort() : udpPeer.answering.getLocalPort();
    }

    /** The public async entry points that probe a port. */
    enum Entry {
        PROBE_ADDRESS, PROBE_NAME, PROBE_RESOLVED, SCAN;

        CompletableFuture<?> start(PortProbe p, Protocol protocol, int port, ProbeOptions o) {
            return switch (this) {
                case PROBE_ADDRESS -> p.probe(LO, protocol, port, o);
                case PROBE_NAME -> p.probe(LO.getHostAddress(), protocol, port, o);
                case PROBE_RESOLVED -> p.probe(p.resolve(LO.getHostAddress(), o).join(), protocol, port, o);
                case SCAN -> p.scan(p.resolve(LO.getHostAddress(), o).join(), List.of(new PortSpec(protocol, port)), o,
                        new ScanListener() { }).completion();
            };
        }

        static PortStatus status(Object value) {
            return value instanceof List<?> l ? (PortStatus) l.get(0) : (PortStatus) value;
        }
    }

    /** Runs one cell: the future ends in time, no descriptor is left, nothing above DEBUG but {@code allowedWarns}. */
    private static Object cell(String name, long deadlineMs, int allowedWarns, java.util.concurrent.Callable<CompletableFuture<?>> start,
                               Consumer<Object> outcome) throws Exception {
        long baseline = Descriptors.count();
        List<String> before = Descriptors.targets();
        Object value;
        List<String> warnings;
        try (StderrCapture err = new StderrCapture()) {
            CompletableFuture<?> f = start.call();
            try {
                value = f.get(deadlineMs + PortProbe.GRACE.toMillis() + SLACK_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                value = e.getCause();
            } catch (CancellationException e) {
                value = e;
            }
            warnings = err.warnings();
        }
        outcome.accept(value);
        long after = Descriptors.settle(baseline);
        List<String> added = Descriptors.targets();
        added.removeAll(before);
        assertThat(after).as("%s: descriptors left open: %s", name, added).isLessThanOrEqualTo(baseline);
        assertThat(warnings).as("%s: logged above DEBUG", name).hasSizeLessThanOrEqualTo(allowedWarns);
        return value;
    }

    private static void warmUp(PortProbe p) throws Exception {
        // Classes load from jars (which opens files) on first use: load them before any baseline.
        p.probe(LO, Protocol.TCP, tcpPeer.getLocalPort(), OPTS.toBuilder().responder(ResponderSelection.NONE).build()).get();
        p.probe(LO, Protocol.UDP, udpPeer.answering.getLocalPort(), OPTS.toBuilder().responder(ResponderSelection.NONE).build()).get();
        assertThat(Descriptors.count()).isPositive();
    }

    @ParameterizedTest(name = "{0} {1} {2}: LISTENING, the fault named in an Unparseable outcome")
    @CsvSource({
        "PROBE_ADDRESS, TCP, OPEN_THROWS", "PROBE_ADDRESS, TCP, START_THROWS", "PROBE_ADDRESS, TCP, RECEIVE_THROWS", "PROBE_ADDRESS, TCP, RECEIVE_ERROR",
        "PROBE_ADDRESS, UDP, OPEN_THROWS", "PROBE_ADDRESS, UDP, START_THROWS", "PROBE_ADDRESS, UDP, RECEIVE_THROWS", "PROBE_ADDRESS, UDP, RECEIVE_ERROR",
        "PROBE_NAME, TCP, OPEN_THROWS", "PROBE_NAME, UDP, RECEIVE_THROWS", "PROBE_NAME, TCP, RECEIVE_ERROR",
        "PROBE_RESOLVED, TCP, START_THROWS", "PROBE_RESOLVED, UDP, OPEN_THROWS",
        "SCAN, TCP, OPEN_THROWS", "SCAN, TCP, RECEIVE_THROWS", "SCAN, UDP, START_THROWS", "SCAN, UDP, RECEIVE_ERROR",
    })
    void aThrowingResponderEndsTheProbeWithTheFaultNamed(Entry entry, Protocol protocol, FaultyResponder.Fault fault) throws Exception {
        Assumptions.assumeTrue(Descriptors.countable(), "needs /proc/self/fd (Linux)");
        ProbeOptions o = OPTS.toBuilder().responder(ResponderSelection.forced("faulty")).build();
        try (PortProbe p = probeWith(fault)) {
            warmUp(p);
            cell(entry + " " + protocol + " " + fault, PortProbe.deadline(protocol, o).toMillis(), 0,
                    () -> entry.start(p, protocol, answeringPort(protocol), o), v -> {
                        assertThat(v).isNotInstanceOf(Throwable.class);
                        PortStatus s = Entry.status(v);
                        assertThat(s.state()).as(s.reason()).isEqualTo(PortState.LISTENING);
                        assertThat(s.responder()).get().isInstanceOf(ResponderOutcome.Unparseable.class);
                        assertThat(((ResponderOutcome.Unparseable) s.responder().get()).error()).contains("injected");
                    });
        }
    }

    @ParameterizedTest(name = "{0}: refused options fail fast, the same for every overload")
    @CsvSource({"PROBE_ADDRESS", "PROBE_NAME", "PROBE_RESOLVED", "SCAN"})
    void refusedOptionsThrowAtTheCallForEveryOverload(Entry entry) throws Exception {
        try (PortProbe p = probeWith(FaultyResponder.Fault.NONE)) {
            ProbeOptions gopher = OPTS.toBuilder().responder(ResponderSelection.forced("gopher")).build();
            if (entry == Entry.SCAN) {
                // A scan refuses nothing at the call: its first probe fails, and so does completion().
                Object v = cell("scan gopher", PortProbe.deadline(Protocol.TCP, gopher).toMillis(), 0,
                        () -> entry.start(p, Protocol.TCP, answeringPort(Protocol.TCP), gopher), x -> { });
                assertThat((Throwable) v).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gopher");
                return;
            }
            assertThatThrownBy(() -> entry.start(p, Protocol.TCP, 80, gopher))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was gopher");
        }
    }

    @Test
    void aNameWhoseOptionsAreRefusedNeverLeavesAPendingFuture() throws Exception {
        // The case: forced("ftp") on UDP with a name used to throw inside a callback.
        PortProbe p = PortProbe.builder().defaultOptions(OPTS).build();
        try (p) {
            ProbeOptions ftpOnUdp = OPTS.toBuilder().responder(ResponderSelection.forced("ftp")).build();
            if (p.responders().byName("ftp").isEmpty()) {
                ftpOnUdp = OPTS.toBuilder().responder(ResponderSelection.forced("gopher")).build();
            }
            ProbeOptions refused = ftpOnUdp;
            assertThatThrownBy(() -> p.probe("localhost", Protocol.UDP, 21, refused)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0}: resolution fails -> UnresolvedTargetException")
    @CsvSource({"PROBE_NAME", "RESOLVE"})
    void resolutionFailureFailsTheFuture(String entry) throws Exception {
        Assumptions.assumeTrue(Descriptors.countable(), "needs /proc/self/fd (Linux)");
        // A real resolution failure with no traffic: an IPv4 literal under an IPv6-only preference.
        ProbeOptions v6 = OPTS.toBuilder().ipPreference(IpPreference.IPV6_ONLY).build();
        try (PortProbe p = probeWith(FaultyResponder.Fault.NONE)) {
            warmUp(p);
            cell(entry + " unresolved", PortProbe.RESOLVE_DEADLINE.toMillis(), 0,
                    () -> entry.equals("RESOLVE") ? p.resolve("127.0.0.1", v6) : p.probe("127.0.0.1", Protocol.TCP, 80, v6),
                    v -> assertThat(v).isInstanceOf(UnresolvedTargetException.class));
        }
    }

    @Test
    void aThrowingListenerIsCountedLoggedOnceAndTheScanCompletes() throws Exception {
        Assumptions.assumeTrue(Descriptors.countable(), "needs /proc/self/fd (Linux)");
        try (PortProbe p = probeWith(FaultyResponder.Fault.NONE)) {
            warmUp(p);
            ResolvedTarget t = p.resolve("127.0.0.1", OPTS).get();
            ProbeOptions plain = OPTS.toBuilder().responder(ResponderSelection.NONE).build();
            List<PortSpec> ten = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ten.add(new PortSpec(i % 2 == 0 ? Protocol.TCP : Protocol.UDP, i % 2 == 0 ? tcpPeer.getLocalPort()
                        : udpPeer.answering.getLocalPort()));
            }
            AtomicInteger calls = new AtomicInteger();
            Scan[] scan = new Scan[1];
            Object v = cell("scan listener throws", 10 * PortProbe.deadline(Protocol.UDP, plain).toMillis(), 1, () -> {
                scan[0] = p.scan(t, ten, plain, new ScanListener() {
                    @Override
                    public void onResult(int index, PortStatus status) {
                        calls.incrementAndGet();
                        throw new IllegalStateException("injected: listener throws");
                    }

                    @Override
                    public void onResultInOrder(int index, PortStatus status) {
                        throw new IllegalStateException("injected: in-order listener throws");
                    }
                });
                return scan[0].completion();
            }, x -> assertThat(x).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(10));
            assertThat(v).isInstanceOf(List.class);
            assertThat(calls).hasValue(10);
            assertThat(scan[0].listenerFailures()).isEqualTo(20);
        }
    }

    @ParameterizedTest(name = "{0} {1}: the borrowed event loop shuts down mid-probe -> IllegalStateException")
    @CsvSource({"PROBE_ADDRESS, UDP", "PROBE_ADDRESS, TCP", "PROBE_NAME, UDP", "SCAN, UDP", "SCAN, TCP"})
    void eventLoopShutDownMidProbe(Entry entry, Protocol protocol) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        // Long waits: the probe is surely still running (UDP silence, TCP conversation) when the loop goes.
        ProbeOptions slow = OPTS.toBuilder().udpTimeout(Duration.ofSeconds(20)).responderTimeout(Duration.ofSeconds(20))
                .responder(protocol == Protocol.TCP ? ResponderSelection.forced("faulty") : ResponderSelection.NONE).build();
        PortProbe p = PortProbe.builder().eventLoopGroup(group)
                .responders(ResponderRegistry.builder().add(new FaultyResponder(FaultyResponder.Fault.NONE)).build()).build();
        // A TCP peer that accepts and never answers keeps the conversation waiting.
        try (ServerSocket mute = new ServerSocket(0, 64, LO)) {
            int port = protocol == Protocol.TCP ? mute.getLocalPort() : udpPeer.silent.getLocalPort();
            long t0 = System.nanoTime();
            Object v = cell(entry + " loop shut down", 5_000, 0, () -> {
                CompletableFuture<?> f = entry.start(p, protocol, port, slow);
                Thread.sleep(300);
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                return f;
            }, x -> { });
            assertThat(v).isInstanceOf(IllegalStateException.class);
            assertThat(((Throwable) v).getMessage()).startsWith("PortProbe is closed");
            assertThat(System.nanoTime() - t0).as("ended by the shutdown, not by the 20 s timeout")
                    .isLessThan(TimeUnit.SECONDS.toNanos(15));
            assertThatThrownBy(() -> p.probe(LO, Protocol.TCP, 80)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("PortProbe is closed");
        } finally {
            p.close();
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "cancel {0} {1}")
    @CsvSource({
        "PROBE_ADDRESS, UDP step 1 (silence)", "PROBE_ADDRESS, UDP step 2 (query unanswered)",
        "PROBE_ADDRESS, TCP conversation", "PROBE_ADDRESS, TCP connect (backlog full)",
        "PROBE_NAME, UDP step 1 (silence)", "PROBE_NAME, resolution", "PROBE_RESOLVED, TCP conversation",
        "SCAN, UDP step 1 (silence)", "SCAN, TCP conversation",
    })
    void cancellationAtEachStage(Entry entry, String stage) throws Exception {
        Assumptions.assumeTrue(Descriptors.countable(), "needs /proc/self/fd (Linux)");
        ProbeOptions slow = OPTS.toBuilder().udpTimeout(Duration.ofSeconds(20)).responderTimeout(Duration.ofSeconds(20))
                .tcpConnectTimeout(Duration.ofSeconds(20)).build();
        try (PortProbe p = probeWith(FaultyResponder.Fault.NONE);
             ServerSocket mute = new ServerSocket(0, 64, LO);
             ServerSocket full = new ServerSocket(0, 1, LO)) {
            warmUp(p);
            List<Socket> fillers = new ArrayList<>();
            Protocol protocol = stage.startsWith("UDP") ? Protocol.UDP : Protocol.TCP;
            int port;
            ProbeOptions o = slow.toBuilder().responder(ResponderSelection.NONE).build();
            if (stage.contains("step 1") || stage.equals("resolution")) {
                port = udpPeer.silent.getLocalPort();
                protocol = Protocol.UDP;
            } else if (stage.contains("step 2")) {
                port = udpPeer.silent.getLocalPort();
                o = slow.toBuilder().responder(ResponderSelection.forced("faulty")).build();
            } else if (stage.contains("conversation")) {
                port = mute.getLocalPort();
                o = slow.toBuilder().responder(ResponderSelection.forced("faulty")).build();
            } else {
                port = full.getLocalPort();
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (IOException e) {
                        s.close();
                        break;
                    }
                }
            }
            Protocol proto = protocol;
            ProbeOptions opts = o;
            try {
                Object v = cell("cancel " + entry + " " + stage, 5_000, 0, () -> {
                    CompletableFuture<?> f = entry.start(p, proto, port, opts);
                    if (!stage.equals("resolution")) {
                        Thread.sleep(300);
                    }
                    f.cancel(true);
                    return f;
                }, x -> { });
                assertThat(v).isInstanceOf(CancellationException.class);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: close() with the future pending -> IllegalStateException")
    @CsvSource({"PROBE_ADDRESS", "PROBE_NAME", "PROBE_RESOLVED", "SCAN"})
    void closeFailsPendingFutures(Entry entry) throws Exception {
        ProbeOptions slow = OPTS.toBuilder().udpTimeout(Duration.ofSeconds(20)).responder(ResponderSelection.NONE).build();
        PortProbe p = probeWith(FaultyResponder.Fault.NONE);
        Object v = cell(entry + " close", 5_000, 0, () -> {
            CompletableFuture<?> f = entry.start(p, Protocol.UDP, udpPeer.silent.getLocalPort(), slow);
            Thread.sleep(200);
            p.close();
            return f;
        }, x -> { });
        assertThat((Throwable) v).isInstanceOf(IllegalStateException.class).hasMessage("PortProbe is closed");
    }

    @ParameterizedTest(name = "{0} after close() throws IllegalStateException")
    @CsvSource({"PROBE_ADDRESS", "PROBE_NAME", "PROBE_RESOLVED", "SCAN", "RESOLVE", "RESOLVE_NAME"})
    void everyEntryPointFailsFastAfterClose(String entry) {
        PortProbe p = probeWith(FaultyResponder.Fault.NONE);
        ResolvedTarget t = p.resolve("127.0.0.1", OPTS).join();
        p.close();
        assertThatThrownBy(() -> {
            switch (entry) {
                case "RESOLVE" -> p.resolve("127.0.0.1", OPTS);
                case "RESOLVE_NAME" -> p.resolve("localhost", OPTS);
                case "PROBE_RESOLVED" -> p.probe(t, Protocol.TCP, 80, OPTS);
                case "SCAN" -> p.scan(t, List.of(new PortSpec(Protocol.TCP, 80)), OPTS, new ScanListener() { });
                default -> Entry.valueOf(entry).start(p, Protocol.TCP, 80, OPTS);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("PortProbe is closed");
    }
}
