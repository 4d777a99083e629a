package dev.portqry.protocols.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.l2tp.internal.L2tpAvpType;
import dev.portqry.protocols.l2tp.internal.L2tpControlMessage;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** L2TP through a real {@link PortProbe} against a loopback peer replaying xl2tpd's answers. */
class L2tpLoopbackTest {
    private static final ProbeOptions OPTS = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.forced("l2tp")).build();

    @Test
    void sccrpIsReportedAndTheTunnelTornDown() throws Exception {
        try (Peer peer = new Peer(List.of(GoldenVectors.raw("l2tp/sccrp-xl2tpd.bin")))) {
            L2tpResult r = probe(peer).result(L2tpResult.class).orElseThrow();
            assertThat(r.messageType()).isEqualTo(L2tpMessageType.SCCRP);
            assertThat(r.hostName()).contains("portqry-lns");

            L2tpControlMessage farewell = peer.nextAfterRequest();
            assertThat(farewell.messageType()).contains(L2tpMessageType.STOPCCN);
            assertThat(farewell.tunnelId()).isEqualTo(0x7e34);
            assertThat(farewell.ns()).isEqualTo(1);
            assertThat(farewell.nr()).isEqualTo(1);
        }
    }

    @Test
    void zlbThenStopCcnIsReportedAndAcknowledged() throws Exception {
        try (Peer peer = new Peer(List.of(GoldenVectors.raw("l2tp/zlb-before-stopccn.bin"),
                GoldenVectors.raw("l2tp/stopccn-no-authorization.bin")))) {
            PortStatus st = probe(peer);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            L2tpResult r = st.result(L2tpResult.class).orElseThrow();
            assertThat(r.messageType()).isEqualTo(L2tpMessageType.STOPCCN);
            assertThat(r.acknowledged()).isTrue();
            assertThat(r.resultCode().map(L2tpResultCode::message)).contains("No Authorization");
            assertThat(peer.nextAfterRequest().isZlb()).isTrue();
        }
    }

    @Test
    void answerForAnotherTunnelIsIgnored() throws Exception {
        try (Peer peer = new Peer(List.of(GoldenVectors.raw("l2tp/sccrp-xl2tpd.bin")))) {
            peer.tunnelOffset = 1;
            PortStatus st = probe(peer);
            assertThat(st.state()).isEqualTo(PortState.FILTERED);
        }
    }

    private static PortStatus probe(Peer peer) throws Exception {
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new L2tpResponder()).build()).build()) {
            return probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), OPTS).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Answers an SCCRQ with canned messages, their header tunnel ID set to the one the request
     * assigned, and records what the client sends afterwards.
     */
    private static final class Peer implements AutoCloseable {
        private final DatagramSocket socket;
        private final BlockingQueue<byte[]> after = new ArrayBlockingQueue<>(16);
        private final Thread thread;
        /** Added to the requested tunnel ID in the answers' headers: nonzero addresses another tunnel. */
        volatile int tunnelOffset;

        Peer(List<byte[]> replies) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            thread = new Thread(() -> serve(replies), "l2tp-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(List<byte[]> replies) {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] in = java.util.Arrays.copyOf(buf, p.getLength());
                    L2tpControlMessage m;
                    try {
                        m = L2tpControlMessage.decode(Unpooled.wrappedBuffer(in));
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (!m.messageType().equals(java.util.Optional.of(L2tpMessageType.SCCRQ))) {
                        after.add(in);
                        continue;
                    }
                    int tunnel = m.find(L2tpAvpType.ASSIGNED_TUNNEL_ID).orElseThrow().uint16() + tunnelOffset;
                    for (byte[] reply : replies) {
                        byte[] out = reply.clone();
                        out[4] = (byte) (tunnel >> 8);
                        out[5] = (byte) tunnel;
                        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        L2tpControlMessage nextAfterRequest() throws InterruptedException {
            byte[] b = after.poll(5, TimeUnit.SECONDS);
            assertThat(b).as("a message after the SCCRQ").isNotNull();
            return L2tpControlMessage.decode(Unpooled.wrappedBuffer(b));
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(2000);
        }
    }
}
