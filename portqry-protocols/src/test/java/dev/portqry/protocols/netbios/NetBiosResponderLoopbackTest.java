package dev.portqry.protocols.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.LoopbackPeers;
import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.GoldenHex;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The NetBIOS responder through a real PortProbe against a loopback peer replaying Samba's reply. */
class NetBiosResponderLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void answersWithTheNameTable() throws Exception {
        byte[] golden = GoldenHex.reply("netbios/samba-nbstat.hex");
        ProbeOptions opts = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
                .responder(ResponderSelection.forced("netbios")).build();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new NetBiosResponder()).build())
                     .defaultOptions(opts).build();
             LoopbackPeers.UdpResponder peer = new LoopbackPeers.UdpResponder(LO, q -> {
                 if (q.length < 12) {
                     return null;
                 }
                 byte[] wrongId = golden.clone();
                 wrongId[0] = (byte) ~q[0];
                 return wrongId;
             })) {
            // A reply with another transaction ID is ignored: the query ends FILTERED.
            PortStatus ignored = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(ignored.state()).isEqualTo(PortState.FILTERED);
        }
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new NetBiosResponder()).build())
                     .defaultOptions(opts).build();
             LoopbackPeers.UdpResponder peer = new LoopbackPeers.UdpResponder(LO, q -> {
                 if (q.length < 12) {
                     return null;
                 }
                 byte[] reply = golden.clone();
                 reply[0] = q[0];
                 reply[1] = q[1];
                 return reply;
             })) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            NodeStatusResponse r = st.result(NodeStatusResponse.class).orElseThrow();
            assertThat(r.contains("DC1")).isTrue();
            assertThat(r.reportLines().get(0)).isEqualTo("Server's response: MAC address f0b73256687f");
        }
    }

    @Test
    void theBannerIsPortQrys() {
        assertThat(new NetBiosResponder().queryBanner(Protocol.UDP, 137))
                .isEqualTo("Attempting NETBIOS adapter status query to UDP port 137...");
        assertThat(new NetBiosResponder().usesEphemeralSourcePort(Protocol.UDP)).isTrue();
    }
}
