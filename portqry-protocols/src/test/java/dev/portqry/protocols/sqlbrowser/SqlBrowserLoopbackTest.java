package dev.portqry.protocols.sqlbrowser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.sqlbrowser.internal.SqlBrowserRequest;
import dev.portqry.testkit.GoldenVectors;
import dev.portqry.testkit.LoopbackPeer;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SQL Server Browser responder through a real PortProbe against a loopback peer answering CLNT_UCAST_EX. */
class SqlBrowserLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void enumeratesInstances() throws Exception {
        byte[] golden = GoldenVectors.hex("sqlbrowser/mcsqlr-two-instances.hex");
        ProbeOptions opts = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
                .responder(ResponderSelection.forced("sqlbrowser")).build();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new SqlBrowserResponder()).build())
                     .defaultOptions(opts).build();
             LoopbackPeer peer = LoopbackPeer.udp(LO,
                     q -> q.length == 1 && q[0] == SqlBrowserRequest.CLNT_UCAST_EX ? golden : null)) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            SqlBrowserResult r = st.result(SqlBrowserResult.class).orElseThrow();
            assertThat(r.instances()).extracting(SqlServerInstance::instanceName).containsExactly("MSSQLSERVER", "REPORTS");
        }
    }

    @Test
    void theBannerIsPortQrys() {
        assertThat(new SqlBrowserResponder().queryBanner(Protocol.UDP, 1434)).isEqualTo("Sending SQL Server query to UDP port 1434...");
    }
}
