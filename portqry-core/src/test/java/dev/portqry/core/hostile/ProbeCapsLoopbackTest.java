package dev.portqry.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The caps in {@link ProbeOptions} hold: reply bytes over TCP and UDP, probes in flight in a scan, and their defaults. */
class ProbeCapsLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .responder(ResponderSelection.forced(FramedResponder.NAME))
            .udpTimeout(Duration.ofSeconds(5)).responderTimeout(Duration.ofSeconds(10)).build();
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new FramedResponder()).build())
                .defaultOptions(OPTS).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @Test
    void defaultsAreSafe() {
        ProbeOptions d = ProbeOptions.defaults();
        assertThat(d.maxReplyBytes()).isEqualTo(ProbeOptions.DEFAULT_MAX_REPLY_BYTES).isEqualTo(1 << 20);
        assertThat(d.maxEntries()).isEqualTo(ProbeOptions.DEFAULT_MAX_ENTRIES).isEqualTo(10_000);
        assertThat(d.maxInFlight()).isZero(); // derived from the open-file limit, at most 4096
        Scan empty = probe.scan(target(), List.of(), d, new ScanListener() { });
        assertThat(empty.maxInFlight()).isBetween(1, 4096);
    }

    @Test
    void oneUdpDatagramOverTheCapIsCut() throws Exception {
        byte[] big = new byte[2000];
        try (LoopbackPeer r = LoopbackPeer.udp(LO, q -> q.length == 1 ? new byte[] {1} : big)) {
            PortStatus st = probe.probe(LO, Protocol.UDP, r.port(), OPTS.toBuilder().maxReplyBytes(1024).build()).get(60, TimeUnit.SECONDS);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class, u -> {
                assertThat(u.error()).isEqualTo("reply larger than the cap of 1024 bytes");
                assertThat(u.firstBytes()).hasSize(ResponderOutcome.Unparseable.MAX_KEPT_BYTES);
            });
        }
    }

    @Test
    void tcpReplyOverTheCapIsCutAtTheCap() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> {
            FramedResponder.readQuery(in);
            out.write(new byte[] {0, 0, 0x10, 0}); // declares 4096 bytes, sends 4100
            out.write(new byte[4100]);
        })) {
            PortStatus st = probe.probe(LO, Protocol.TCP, s.port(), OPTS.toBuilder().maxReplyBytes(4096).build()).get(60, TimeUnit.SECONDS);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class, u ->
                    assertThat(u.error()).isEqualTo("reply larger than the cap of 4096 bytes"));
        }
    }

    @Test
    void aScanNeverHoldsMoreConnectionsThanMaxInFlight() throws Exception {
        // Every probe connects to a server that never answers and holds the connection until the probe gives up.
        try (LiveConnections server = new LiveConnections()) {
            ProbeOptions opts = OPTS.toBuilder().maxInFlight(8).responderTimeout(Duration.ofMillis(300)).build();
            List<PortSpec> same = Collections.nCopies(48, new PortSpec(Protocol.TCP, server.port()));
            Scan scan = probe.scan(target(), same, opts, new ScanListener() { });
            List<PortStatus> all = scan.completion().get(120, TimeUnit.SECONDS);
            System.out.println("caps: scan of 48 held connections with maxInFlight 8: engine high water " + scan.inFlightHighWater()
                    + ", server saw at most " + server.maxLive() + " live at once");
            assertThat(all).hasSize(48).allMatch(st -> st.responder().orElseThrow() instanceof ResponderOutcome.NoReply);
            assertThat(server.accepted()).isEqualTo(48);
            assertThat(scan.inFlightHighWater()).isEqualTo(8);
            assertThat(server.maxLive()).as("connections the client had not closed, at each accept").isBetween(2, 8);
        }
    }

    /**
     * Accepts and never answers. At each accept it counts the connections the client has not
     * closed: on loopback a client's FIN is processed before its next SYN, so a connection
     * closed before the new one was opened already reads end-of-stream. Counting by a thread per
     * connection instead would lag behind the client by that thread's wake-up.
     */
    private static final class LiveConnections implements AutoCloseable {
        private final ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LO, 0), 256);
        private final List<SocketChannel> live = new ArrayList<>();
        private final ByteBuffer scratch = ByteBuffer.allocate(4096);
        private final Thread acceptor = new Thread(this::acceptLoop, "live-connections");
        private volatile int maxLive;
        private volatile int accepted;

        LiveConnections() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void acceptLoop() {
            try {
                while (true) {
                    SocketChannel c = server.accept();
                    c.configureBlocking(false);
                    accepted++;
                    live.removeIf(this::closedByClient);
                    live.add(c);
                    maxLive = Math.max(maxLive, live.size());
                }
            } catch (IOException e) {
                // closed
            }
        }

        private boolean closedByClient(SocketChannel c) {
            try {
                int n;
                do {
                    scratch.clear();
                    n = c.read(scratch);
                } while (n > 0);
                if (n < 0) {
                    c.close();
                    return true;
                }
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        int port() {
            return server.socket().getLocalPort();
        }

        int maxLive() {
            return maxLive;
        }

        int accepted() {
            return accepted;
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(2000);
            for (SocketChannel c : live) {
                c.close();
            }
        }
    }

    private static ResolvedTarget target() {
        return new ResolvedTarget("127.0.0.1", true, List.of(LO), Optional.empty());
    }
}
