package dev.portqry.protocols.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.GoldenVectors;
import dev.portqry.testkit.LoopbackPeer;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The NetBIOS responder through a real PortProbe against a loopback peer replaying Samba's reply. */
class NetBiosLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final byte[] GOLDEN = GoldenVectors.hex("netbios/samba-nbstat.hex");
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new NetBiosResponder()).build())
                .defaultOptions(ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
                        .responder(ResponderSelection.forced("netbios")).build())
                .build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    /** Probes a peer answering each node status request with Samba's reply under transaction ID {@code query id ^ xor}. */
    private static PortStatus probeReplaying(int xor) throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> {
            if (q.length < 12) {
                return null;
            }
            byte[] reply = GOLDEN.clone();
            reply[0] = (byte) (q[0] ^ xor);
            reply[1] = q[1];
            return reply;
        })) {
            return probe.probe(LO, Protocol.UDP, peer.port()).get();
        }
    }

    @Test
    void answersWithTheNameTable() throws Exception {
        PortStatus st = probeReplaying(0);
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        NodeStatusResult r = st.result(NodeStatusResult.class).orElseThrow();
        assertThat(r.contains("DC1")).isTrue();
        assertThat(r.reportLines().get(0)).isEqualTo("Server's response: MAC address f0b73256687f");
    }

    @Test
    void aReplyWithAnotherTransactionIdIsIgnored() throws Exception {
        assertThat(probeReplaying(0xff).state()).isEqualTo(PortState.FILTERED);
    }

    @Test
    void theBannerIsPortQrys() {
        assertThat(new NetBiosResponder().queryBanner(Protocol.UDP, 137))
                .isEqualTo("Attempting NETBIOS adapter status query to UDP port 137...");
        assertThat(new NetBiosResponder().usesEphemeralSourcePort(Protocol.UDP)).isTrue();
    }
}
