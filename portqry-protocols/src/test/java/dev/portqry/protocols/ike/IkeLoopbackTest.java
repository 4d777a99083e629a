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
import dev.portqry.testkit.LoopbackPeer;
import java.io.IOException;
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
        try (LoopbackPeer peer = peer(GoldenVectors.raw("ike/invalid-ke.bin"), false, 0)) {
            PortStatus st = run(peer, OPTS);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            IkeResult r = st.result(IkeResult.class).orElseThrow();
            assertThat(r.notifies()).containsExactly(IkeNotifyType.INVALID_KE_PAYLOAD);
            assertThat(r.nonEspMarker()).isFalse();
            assertThat(lastRequest(peer).length).isGreaterThan(400);
        }
    }

    @Test
    void nonEspMarkerIsSentAndStripped() throws Exception {
        try (LoopbackPeer peer = peer(GoldenVectors.raw("ike/sa-init-response.bin"), true, 0)) {
            IkeResult r = run(peer, OPTS.toBuilder().set(IkeResponder.NON_ESP_MARKER, true).build())
                    .result(IkeResult.class).orElseThrow();
            assertThat(r.nonEspMarker()).isTrue();
            assertThat(r.chosenProposal()).isPresent();
            assertThat(Arrays.copyOf(lastRequest(peer), 4)).containsOnly(0);
        }
    }

    @Test
    void answerForAnotherSpiIsIgnored() throws Exception {
        try (LoopbackPeer peer = peer(GoldenVectors.raw("ike/no-proposal-chosen.bin"), false, 1)) {
            assertThat(run(peer, OPTS).state()).isEqualTo(PortState.FILTERED);
        }
    }

    @Test
    void sourcePortInUseIsAClearError() throws Exception {
        try (LoopbackPeer peer = peer(GoldenVectors.raw("ike/invalid-ke.bin"), false, 0);
             DatagramSocket taken = new DatagramSocket(new InetSocketAddress(0))) {
            ProbeOptions opts = OPTS.toBuilder().sourcePort(taken.getLocalPort()).build();
            assertThatThrownBy(() -> run(peer, opts)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PortQryException.class)
                    .hasMessageContaining("source port " + taken.getLocalPort() + " is in use or cannot be bound");
        }
    }

    private static PortStatus run(LoopbackPeer peer, ProbeOptions opts) throws Exception {
        return probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), opts).get(10, TimeUnit.SECONDS);
    }

    /**
     * A peer that answers each IKE_SA_INIT with a canned message whose initiator SPI is the
     * request's plus {@code spiOffset}, with or without the non-ESP marker.
     */
    private static LoopbackPeer peer(byte[] answer, boolean marker, int spiOffset) throws IOException {
        int skip = marker ? 4 : 0;
        return LoopbackPeer.udpScripted(InetAddress.getByName("127.0.0.1"), d -> {
            byte[] in = d.payload();
            if (in.length < skip + 28) {
                return;
            }
            byte[] out = new byte[skip + answer.length];
            System.arraycopy(answer, 0, out, skip, answer.length);
            System.arraycopy(in, skip, out, skip, 8);
            out[skip + 7] += (byte) spiOffset;
            d.reply(out);
        });
    }

    /** @return the last IKE request the peer received (datagrams too short for one are skipped) */
    private static byte[] lastRequest(LoopbackPeer peer) throws InterruptedException {
        byte[] last = new byte[0];
        for (byte[] d = peer.takeReceived(Duration.ofMillis(200)); d != null; d = peer.takeReceived(Duration.ofMillis(200))) {
            if (d.length >= 28) {
                last = d;
            }
        }
        return last;
    }
}
