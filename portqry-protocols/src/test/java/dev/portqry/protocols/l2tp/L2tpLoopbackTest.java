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
import dev.portqry.testkit.LoopbackPeer;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** L2TP through a real {@link PortProbe} against a loopback peer replaying xl2tpd's answers. */
class L2tpLoopbackTest {
    private static final ProbeOptions OPTS = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.forced("l2tp")).build();

    @Test
    void sccrpIsReportedAndTheTunnelTornDown() throws Exception {
        try (LoopbackPeer peer = peer(List.of(GoldenVectors.raw("l2tp/sccrp-xl2tpd.bin")), 0)) {
            L2tpResult r = probe(peer).result(L2tpResult.class).orElseThrow();
            assertThat(r.messageType()).isEqualTo(L2tpMessageType.SCCRP);
            assertThat(r.hostName()).contains("portqry-lns");

            L2tpControlMessage farewell = nextAfterRequest(peer);
            assertThat(farewell.messageType()).contains(L2tpMessageType.STOPCCN);
            assertThat(farewell.tunnelId()).isEqualTo(0x7e34);
            assertThat(farewell.ns()).isEqualTo(1);
            assertThat(farewell.nr()).isEqualTo(1);
        }
    }

    @Test
    void zlbThenStopCcnIsReportedAndAcknowledged() throws Exception {
        try (LoopbackPeer peer = peer(List.of(GoldenVectors.raw("l2tp/zlb-before-stopccn.bin"),
                GoldenVectors.raw("l2tp/stopccn-no-authorization.bin")), 0)) {
            PortStatus st = probe(peer);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            L2tpResult r = st.result(L2tpResult.class).orElseThrow();
            assertThat(r.messageType()).isEqualTo(L2tpMessageType.STOPCCN);
            assertThat(r.acknowledged()).isTrue();
            assertThat(r.resultCode().map(L2tpResultCode::message)).contains("No Authorization");
            assertThat(nextAfterRequest(peer).isZlb()).isTrue();
        }
    }

    @Test
    void answerForAnotherTunnelIsIgnored() throws Exception {
        try (LoopbackPeer peer = peer(List.of(GoldenVectors.raw("l2tp/sccrp-xl2tpd.bin")), 1)) {
            PortStatus st = probe(peer);
            assertThat(st.state()).isEqualTo(PortState.FILTERED);
        }
    }

    private static PortStatus probe(LoopbackPeer peer) throws Exception {
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new L2tpResponder()).build()).build()) {
            return probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), OPTS).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A peer that answers an SCCRQ with canned messages, their header tunnel ID set to the one the
     * request assigned plus {@code tunnelOffset} (nonzero addresses another tunnel).
     */
    private static LoopbackPeer peer(List<byte[]> replies, int tunnelOffset) throws IOException {
        return LoopbackPeer.udpScripted(InetAddress.getByName("127.0.0.1"), d -> {
            L2tpControlMessage m = decodeOrNull(d.payload());
            if (m == null || !m.messageType().equals(Optional.of(L2tpMessageType.SCCRQ))) {
                return;
            }
            int tunnel = m.find(L2tpAvpType.ASSIGNED_TUNNEL_ID).orElseThrow().uint16() + tunnelOffset;
            for (byte[] reply : replies) {
                byte[] out = reply.clone();
                out[4] = (byte) (tunnel >> 8);
                out[5] = (byte) tunnel;
                d.reply(out);
            }
        });
    }

    private static L2tpControlMessage decodeOrNull(byte[] datagram) {
        try {
            return L2tpControlMessage.decode(Unpooled.wrappedBuffer(datagram));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @return the first control message the client sent after its SCCRQ */
    private static L2tpControlMessage nextAfterRequest(LoopbackPeer peer) throws InterruptedException {
        for (byte[] b = peer.takeReceived(Duration.ofSeconds(5)); b != null; b = peer.takeReceived(Duration.ofSeconds(5))) {
            L2tpControlMessage m = decodeOrNull(b);
            if (m != null && !m.messageType().equals(Optional.of(L2tpMessageType.SCCRQ))) {
                return m;
            }
        }
        throw new AssertionError("no message after the SCCRQ");
    }
}
