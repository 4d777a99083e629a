package dev.portqry.core;

import dev.portqry.testkit.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.faults.Descriptors;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Sockets are freed: after many probes, after cancellation, and on a borrowed NIO group. */
class PortProbeResourceLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    private static long openFiles() {
        return Descriptors.count();
    }

    /** What each open descriptor points at, for a failure message. */
    private static List<String> fdTargets() {
        return Descriptors.targets();
    }

    @Test
    void tenThousandProbesLeaveNoDescriptorBehind() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        // Generous waits: the echo thread may be slow to run on a loaded machine; the test is about descriptors.
        ProbeOptions opts = ProbeOptions.builder().udpTimeout(Duration.ofSeconds(2)).udpAttempts(3).build();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.empty()).defaultOptions(opts).build();
             ServerSocket open = LoopbackPorts.tcpListener(LO);
             LoopbackPeer echo = LoopbackPeer.udp(LO, in -> in)) {
            int closedTcp = LoopbackPorts.closedTcpPort(LO);
            int closedUdp = LoopbackPorts.closedUdpPort(LO);
            Thread acceptor = drain(open);
            int[][] cases = {{0, open.getLocalPort()}, {0, closedTcp}, {1, echo.port()}, {1, closedUdp}};
            // Warm up every event loop and code path (classes load from jars, which opens files) before the baseline.
            for (int i = 0; i < 100; i++) {
                int[] c = cases[i % cases.length];
                probe.probe(LO, c[0] == 0 ? Protocol.TCP : Protocol.UDP, c[1]).get();
            }
            // The assertion library's jar opens on its first use: use it before the baseline too.
            assertThat(open.isBound()).isTrue();
            long baseline = openFiles();
            List<String> before = fdTargets();
            int counts[] = new int[PortState.values().length];
            for (int batch = 0; batch < 100; batch++) {
                List<CompletableFuture<PortStatus>> fs = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int[] c = cases[i % cases.length];
                    fs.add(probe.probe(LO, c[0] == 0 ? Protocol.TCP : Protocol.UDP, c[1]));
                }
                for (CompletableFuture<PortStatus> f : fs) {
                    counts[f.get(10, TimeUnit.SECONDS).state().ordinal()]++;
                }
            }
            assertThat(counts[PortState.LISTENING.ordinal()]).isEqualTo(5000);
            assertThat(counts[PortState.NOT_LISTENING.ordinal()]).isEqualTo(5000);
            // Closes complete asynchronously on the event loops: allow them a moment to land.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (openFiles() > baseline && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<String> after = fdTargets();
            after.removeAll(before);
            assertThat(openFiles()).as("new descriptors: %s", after).isLessThanOrEqualTo(baseline);
            acceptor.interrupt();
        }
    }

    /** Accepts and closes connections so the listener's backlog never fills. */
    private static Thread drain(ServerSocket s) {
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    s.accept().close();
                } catch (IOException e) {
                    return;
                }
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void cancellingAProbeFreesItsSocket() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        ProbeOptions slow = ProbeOptions.builder().udpTimeout(Duration.ofSeconds(30)).build();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.empty()).build();
             LoopbackPeer silent = LoopbackPeer.udp(LO, in -> null)) {
            probe.probe(LO, Protocol.TCP, LoopbackPorts.closedTcpPort(LO)).get();
            long baseline = openFiles();
            List<CompletableFuture<PortStatus>> fs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                fs.add(probe.probe(LO, Protocol.UDP, silent.port(), slow));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (openFiles() < baseline + 50 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(openFiles()).isGreaterThanOrEqualTo(baseline + 50);
            fs.forEach(f -> f.cancel(true));
            assertThat(fs).allMatch(CompletableFuture::isCancelled);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (openFiles() > baseline && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(openFiles()).isLessThanOrEqualTo(baseline);
        }
    }

    @Test
    void borrowedNioGroupGivesTheSameStatesAndStaysOpen() throws Exception {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ProbeOptions opts = ProbeOptions.builder().udpTimeout(Duration.ofMillis(200)).build();
            try (PortProbe probe = PortProbe.builder().eventLoopGroup(nio).responders(ResponderRegistry.empty())
                    .defaultOptions(opts).build();
                 ServerSocket open = LoopbackPorts.tcpListener(LO);
                 LoopbackPeer silent = LoopbackPeer.udp(LO, in -> null)) {
                assertThat(probe.transportName()).isEqualTo("nio");
                assertThat(probe.probe(LO, Protocol.TCP, open.getLocalPort()).get().state()).isEqualTo(PortState.LISTENING);
                assertThat(probe.probe(LO, Protocol.TCP, LoopbackPorts.closedTcpPort(LO)).get().state())
                        .isEqualTo(PortState.NOT_LISTENING);
                assertThat(probe.probe(LO, Protocol.UDP, LoopbackPorts.closedUdpPort(LO)).get().state())
                        .isEqualTo(PortState.NOT_LISTENING);
                assertThat(probe.probe(LO, Protocol.UDP, silent.port()).get().state())
                        .isEqualTo(PortState.LISTENING_OR_FILTERED);
            }
            assertThat(nio.isShuttingDown()).isFalse();
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void ownedGroupUsesEpollOnLinux() {
        Assumptions.assumeTrue(io.netty.channel.epoll.Epoll.isAvailable(), "epoll not available here");
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.empty()).build()) {
            assertThat(probe.transportName()).isEqualTo("epoll");
        }
    }
}
