package dev.portqry.core;

import dev.portqry.testkit.LoopbackPeer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A {@link ProbeListener} sees each probe's events in order, and one that throws changes no verdict. */
class ProbeListenerTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions PLAIN = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.NONE).build();
    private static final ProbeOptions LINE = PLAIN.toBuilder().udpTimeout(Duration.ofSeconds(5))
            .responder(ResponderSelection.forced("line")).build();

    /** Records event names; {@link #ended} opens at probeEnd or probeFailed. */
    static class Recorder implements ProbeListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void resolutionStart(String target) {
            events.add("resolutionStart " + target);
        }

        @Override
        public void resolutionEnd(String target, ResolvedTarget resolved) {
            events.add("resolutionEnd " + resolved.first().getHostAddress());
        }

        @Override
        public void probeStart(Call call) {
            events.add("probeStart " + call.protocol() + call.responder().map(r -> " " + r).orElse(""));
        }

        @Override
        public void attemptStart(Call call, int attempt) {
            events.add("attemptStart " + attempt);
        }

        @Override
        public void connected(Call call, InetSocketAddress local) {
            events.add("connected");
        }

        @Override
        public void networkError(Call call, Throwable cause, String meaning) {
            events.add("networkError " + meaning);
        }

        @Override
        public void queryWritten(Call call, int bytes) {
            events.add("queryWritten " + bytes);
        }

        @Override
        public void replyReceived(Call call, int bytes) {
            events.add("replyReceived " + bytes);
        }

        @Override
        public void outcome(Call call, ResponderOutcome outcome) {
            events.add("outcome " + outcome.getClass().getSimpleName());
        }

        @Override
        public void probeEnd(Call call, PortStatus status) {
            events.add("probeEnd " + status.state());
            ended.countDown();
        }

        @Override
        public void probeFailed(Call call, Throwable cause) {
            events.add("probeFailed " + cause);
            ended.countDown();
        }

        List<String> awaitEnd() throws InterruptedException {
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("probeEnd within 10 s").isTrue();
            return List.copyOf(events);
        }
    }

    /** Throws from every event. */
    static final class Thrower implements ProbeListener {
        @Override
        public void probeStart(Call call) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void attemptStart(Call call, int attempt) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void connected(Call call, InetSocketAddress local) {
            throw new AssertionError("listener bug");
        }

        @Override
        public void networkError(Call call, Throwable cause, String meaning) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void queryWritten(Call call, int bytes) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void replyReceived(Call call, int bytes) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void outcome(Call call, ResponderOutcome outcome) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void probeEnd(Call call, PortStatus status) {
            throw new IllegalStateException("listener bug");
        }
    }

    private static PortProbe probeWith(ProbeListener listener) {
        return PortProbe.builder().listener(listener).defaultOptions(PLAIN)
                .responders(ResponderRegistry.builder().add(new LineResponder()).build()).build();
    }

    @Test
    void tcpOpenByName() throws Exception {
        Recorder rec = new Recorder();
        try (ServerSocket server = LoopbackPorts.tcpListener(LO); PortProbe probe = probeWith(rec)) {
            PortStatus s = probe.probe(LO.getHostAddress(), Protocol.TCP, server.getLocalPort(), PLAIN).get(10, TimeUnit.SECONDS);

            assertThat(s.state()).isEqualTo(PortState.LISTENING);
            assertThat(rec.awaitEnd()).containsExactly("resolutionStart 127.0.0.1", "resolutionEnd 127.0.0.1",
                    "probeStart TCP", "attemptStart 1", "connected", "probeEnd LISTENING");
        }
    }

    @Test
    void tcpClosed() throws Exception {
        Recorder rec = new Recorder();
        try (PortProbe probe = probeWith(rec)) {
            int port = LoopbackPorts.closedTcpPort(LO);
            probe.probe(LO, Protocol.TCP, port, PLAIN).get(10, TimeUnit.SECONDS);

            assertThat(rec.awaitEnd()).containsExactly("probeStart TCP", "attemptStart 1",
                    "networkError connection refused", "probeEnd NOT LISTENING");
        }
    }

    @Test
    void udpClosed() throws Exception {
        Recorder rec = new Recorder();
        try (PortProbe probe = probeWith(rec)) {
            int port = LoopbackPorts.closedUdpPort(LO);
            probe.probe(LO, Protocol.UDP, port, PLAIN).get(10, TimeUnit.SECONDS);

            assertThat(rec.awaitEnd()).containsExactly("probeStart UDP", "attemptStart 1",
                    "networkError ICMP port unreachable", "probeEnd NOT LISTENING");
        }
    }

    @Test
    void udpWithAnsweringResponder() throws Exception {
        Recorder rec = new Recorder();
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> "+OK\n".getBytes(StandardCharsets.US_ASCII));
             PortProbe probe = probeWith(rec)) {
            PortStatus s = probe.probe(LO, Protocol.UDP, peer.port(), LINE).get(10, TimeUnit.SECONDS);

            assertThat(s.state()).isEqualTo(PortState.LISTENING);
            assertThat(rec.awaitEnd()).containsExactly("probeStart UDP line", "attemptStart 1", "replyReceived 4",
                    "queryWritten 11", "replyReceived 4", "outcome Answered", "probeEnd LISTENING");
        }
    }

    @Test
    void throwingListenerChangesNoVerdict() throws Exception {
        try (ServerSocket server = LoopbackPorts.tcpListener(LO);
             LoopbackPeer peer = LoopbackPeer.udp(LO, q -> "+OK\n".getBytes(StandardCharsets.US_ASCII));
             PortProbe quiet = probeWith(ProbeListener.NONE);
             PortProbe faulty = probeWith(new Thrower())) {
            int closedTcp = LoopbackPorts.closedTcpPort(LO);
            int closedUdp = LoopbackPorts.closedUdpPort(LO);
            for (PortProbe p : List.of(quiet, faulty)) {
                assertThat(p.probe(LO, Protocol.TCP, server.getLocalPort(), PLAIN).get(10, TimeUnit.SECONDS).state())
                        .isEqualTo(PortState.LISTENING);
                assertThat(p.probe(LO, Protocol.TCP, closedTcp, PLAIN).get(10, TimeUnit.SECONDS).state())
                        .isEqualTo(PortState.NOT_LISTENING);
                assertThat(p.probe(LO, Protocol.UDP, closedUdp, PLAIN).get(10, TimeUnit.SECONDS).state())
                        .isEqualTo(PortState.NOT_LISTENING);
                PortStatus answered = p.probe(LO, Protocol.UDP, peer.port(), LINE).get(10, TimeUnit.SECONDS);
                assertThat(answered.state()).isEqualTo(PortState.LISTENING);
                assertThat(answered.responder()).containsInstanceOf(ResponderOutcome.Answered.class);
            }
        }
    }
}
