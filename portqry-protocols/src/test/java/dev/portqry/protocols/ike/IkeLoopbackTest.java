package dev.portqry.protocols.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortQryException;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.GoldenVectors;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IKE through a real {@link PortProbe} against a loopback peer replaying charon's answers. */
class IkeLoopbackTest {
    private static final ProbeOptions OPTS = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.forced("ike")).build();
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new IkeResponder()).build()).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @Test
    void invalidKePayloadProvesListening() throws Exception {
        try (Peer peer = new Peer(GoldenVectors.raw("ike/invalid-ke.bin"), false, 0)) {
            PortStatus st = run(peer, OPTS);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            IkeResult r = st.result(IkeResult.class).orElseThrow();
            assertThat(r.notifies()).containsExactly(IkeNotifyType.INVALID_KE_PAYLOAD);
            assertThat(r.nonEspMarker()).isFalse();
            assertThat(peer.lastRequest.length).isGreaterThan(400);
        }
    }

    @Test
    void nonEspMarkerIsSentAndStripped() throws Exception {
        try (Peer peer = new Peer(GoldenVectors.raw("ike/sa-init-response.bin"), true, 0)) {
            IkeResult r = run(peer, OPTS.toBuilder().set(IkeResponder.NON_ESP_MARKER, true).build())
                    .result(IkeResult.class).orElseThrow();
            assertThat(r.nonEspMarker()).isTrue();
            assertThat(r.chosenProposal()).isPresent();
            assertThat(Arrays.copyOf(peer.lastRequest, 4)).containsOnly(0);
        }
    }

    @Test
    void answerForAnotherSpiIsIgnored() throws Exception {
        try (Peer peer = new Peer(GoldenVectors.raw("ike/no-proposal-chosen.bin"), false, 1)) {
            assertThat(run(peer, OPTS).state()).isEqualTo(PortState.FILTERED);
        }
    }

    @Test
    void sourcePortInUseIsAClearError() throws Exception {
        try (Peer peer = new Peer(GoldenVectors.raw("ike/invalid-ke.bin"), false, 0);
             DatagramSocket taken = new DatagramSocket(new InetSocketAddress(0))) {
            ProbeOptions opts = OPTS.toBuilder().sourcePort(taken.getLocalPort()).build();
            assertThatThrownBy(() -> run(peer, opts)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PortQryException.class)
                    .hasMessageContaining("source port " + taken.getLocalPort() + " is in use or cannot be bound");
        }
    }

    private static PortStatus run(Peer peer, ProbeOptions opts) throws Exception {
        return probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), opts).get(10, TimeUnit.SECONDS);
    }

    /**
     * Answers each IKE_SA_INIT with a canned message whose initiator SPI is the request's plus
     * {@code spiOffset}, with or without the non-ESP marker.
     */
    private static final class Peer implements AutoCloseable {
        private final DatagramSocket socket;
        private final Thread thread;
        volatile byte[] lastRequest = new byte[0];

        Peer(byte[] answer, boolean marker, int spiOffset) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            thread = new Thread(() -> serve(answer, marker, spiOffset), "ike-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(byte[] answer, boolean marker, int spiOffset) {
            byte[] buf = new byte[4096];
            int skip = marker ? 4 : 0;
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    if (p.getLength() < skip + 28) {
                        continue;
                    }
                    lastRequest = Arrays.copyOf(buf, p.getLength());
                    byte[] out = new byte[skip + answer.length];
                    System.arraycopy(answer, 0, out, skip, answer.length);
                    System.arraycopy(buf, skip, out, skip, 8);
                    out[skip + 7] += (byte) spiOffset;
                    socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(2000);
        }
    }
}
