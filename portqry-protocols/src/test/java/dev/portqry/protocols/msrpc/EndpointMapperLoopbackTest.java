package dev.portqry.protocols.msrpc;

import static org.assertj.core.api.Assertions.assertThat;


import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.msrpc.internal.EpmTestServer;
import dev.portqry.testkit.LoopbackPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The responder through a real PortProbe against the spec-written endpoint mapper on loopback. */
class EndpointMapperLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .udpTimeout(Duration.ofMillis(300)).tcpConnectTimeout(Duration.ofSeconds(2)).build();

    private ServerSocket listening;
    private int closedPort;
    private EpmTestServer server;
    private PortProbe probe;

    @BeforeEach
    void setUp() throws Exception {
        listening = LoopbackPorts.tcpListener(LO);
        closedPort = LoopbackPorts.closedTcpPort(LO);
        UUID nil = new UUID(0, 0);
        List<RpcEndpoint> eps = List.of(
                new RpcEndpoint(nil, WellKnownInterfaces.parse("DRSUAPI"), "drsuapi", ProtocolSequence.NCACN_IP_TCP,
                        LO.getHostAddress(), Integer.toString(listening.getLocalPort())),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("NETLOGON"), "", ProtocolSequence.NCACN_IP_TCP,
                        LO.getHostAddress(), Integer.toString(closedPort)),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("LSARPC"), "", ProtocolSequence.NCACN_IP_TCP,
                        LO.getHostAddress(), Integer.toString(listening.getLocalPort())),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("SAMR"), "", ProtocolSequence.NCACN_NP, "\\\\DC1", "\\PIPE\\lsass"));
        server = new EpmTestServer(LO, eps);
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new EndpointMapperResponder()).build())
                .defaultOptions(OPTS).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        probe.close();
        server.close();
        listening.close();
    }

    @Test
    void tcpDumpThroughTheEngine() {
        PortStatus s = EndpointMapper.dump(probe, LO.getHostAddress(), Protocol.TCP, server.tcpPort(), OPTS).join();
        assertThat(s.state()).isEqualTo(PortState.LISTENING);
        EndpointMapperResult dump = s.result(EndpointMapperResult.class).orElseThrow(() -> new AssertionError(s.responder()));
        assertThat(dump.endpoints()).hasSize(4);
        assertThat(dump.pages()).isEqualTo(2);
        assertThat(dump.reportLines()).contains("UUID: e3514235-4b06-11d1-ab04-00c04fc2dcd2 drsuapi",
                "Total endpoints found: 4");
    }

    @Test
    void udpDumpThroughTheEngine() {
        PortStatus s = EndpointMapper.dump(probe, LO.getHostAddress(), Protocol.UDP, server.udpPort(), OPTS).join();
        assertThat(s.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
        assertThat(s.state()).isEqualTo(PortState.LISTENING);
        EndpointMapperResult dump = s.result(EndpointMapperResult.class).orElseThrow(() -> new AssertionError(s.responder()));
        assertThat(dump.endpoints()).hasSize(4);
        assertThat(dump.tcpPorts()).containsExactlyInAnyOrder(listening.getLocalPort(), closedPort).isSortedAccordingTo(Integer::compare);
    }

    @Test
    void mapThroughTheEngine() {
        PortStatus s = EndpointMapper.map(probe, LO.getHostAddress(), server.tcpPort(), WellKnownInterfaces.parse("DRSUAPI"), OPTS).join();
        EndpointMapResult m = s.result(EndpointMapResult.class).orElseThrow(() -> new AssertionError(s.responder()));
        assertThat(m.tcpPorts()).containsExactly(listening.getLocalPort());
        PortStatus none = EndpointMapper.map(probe, LO.getHostAddress(), server.tcpPort(),
                WellKnownInterfaces.parse("SPOOLSS"), OPTS).join();
        assertThat(none.result(EndpointMapResult.class).orElseThrow().endpoints()).isEmpty();
    }

    @Test
    void dynamicPortCheckReportsEachPortInOrder() {
        PortStatus epm = EndpointMapper.dump(probe, LO.getHostAddress(), Protocol.TCP, server.tcpPort(), OPTS).join();
        List<PortStatus> ports = DynamicPortCheck.check(probe, epm, OPTS).join();
        assertThat(ports).extracting(PortStatus::port).containsExactly(
                Math.min(listening.getLocalPort(), closedPort), Math.max(listening.getLocalPort(), closedPort));
        assertThat(ports).allSatisfy(p -> assertThat(p.responder()).isEmpty());
        assertThat(ports.stream().filter(p -> p.port() == listening.getLocalPort()).findFirst().orElseThrow().state())
                .isEqualTo(PortState.LISTENING);
        assertThat(ports.stream().filter(p -> p.port() == closedPort).findFirst().orElseThrow().state())
                .isEqualTo(PortState.NOT_LISTENING);
        assertThat(DynamicPortCheck.reportLines(ports)).hasSize(ports.size() + 4);
    }

    @Test
    void aServerThatIsNotAnEndpointMapperIsUnparseableButListening() throws Exception {
        PortStatus s = EndpointMapper.dump(probe, LO.getHostAddress(), Protocol.TCP, listening.getLocalPort(),
                OPTS.toBuilder().responderTimeout(Duration.ofMillis(300)).build()).join();
        assertThat(s.state()).isEqualTo(PortState.LISTENING);
        assertThat(s.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
    }
}
