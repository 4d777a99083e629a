package dev.portqry.protocols.msrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.Protocol;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PortQry's report section, names and the responder's metadata. */
class EndpointMapperResultTest {
    private static final UUID NIL = new UUID(0, 0);

    @Test
    void reportLinesAsPortQryPrintsThem() {
        EndpointMapperResult dump = new EndpointMapperResult(List.of(
                new RpcEndpoint(NIL, RpcInterfaceId.of("50abc2a4-574d-40b3-9d66-ee4fd5fba076", 5, 0), "", ProtocolSequence.NCACN_IP_TCP,
                        "169.254.0.18", "1027"),
                new RpcEndpoint(NIL, RpcInterfaceId.of("ecec0d70-a603-11d0-96b1-00a0c91ece30", 1, 0), "NtdsBackup Interface",
                        ProtocolSequence.NCACN_NP, "\\\\MYDC", "\\PIPE\\lsass"),
                new RpcEndpoint(NIL, RpcInterfaceId.of("11111111-2222-3333-4444-555555555555", 1, 0), "", ProtocolSequence.NCALRPC,
                        "", "LRPC-1")), 1, false);
        assertThat(dump.reportLines()).containsExactly(
                "Server's response:",
                "",
                "UUID: 50abc2a4-574d-40b3-9d66-ee4fd5fba076 DNSSERVER",
                "ncacn_ip_tcp:169.254.0.18[1027]",
                "",
                "UUID: ecec0d70-a603-11d0-96b1-00a0c91ece30 NtdsBackup Interface",
                "ncacn_np:\\\\MYDC[\\PIPE\\lsass]",
                "",
                "UUID: 11111111-2222-3333-4444-555555555555",
                "ncalrpc:[LRPC-1]",
                "",
                "Total endpoints found: 3",
                "",
                "==== End of RPC Endpoint Mapper query response ====");
        assertThat(dump.tcpPorts()).containsExactly(1027);
        assertThat(dump.summary()).isEqualTo("3 endpoints, ncacn_ip_tcp ports [1027]");
        assertThat(new EndpointMapperResult(List.of(), 1, false).reportLines()).containsExactly(
                "Server's response:", "", "Total endpoints found: 0", "", "==== End of RPC Endpoint Mapper query response ====");
    }

    @Test
    void wellKnownNames() {
        assertThat(WellKnownInterfaces.parse("drsuapi")).isEqualTo(RpcInterfaceId.of("e3514235-4b06-11d1-ab04-00c04fc2dcd2", 4, 0));
        assertThat(WellKnownInterfaces.parse("e3514235-4b06-11d1-ab04-00c04fc2dcd2")).isEqualTo(WellKnownInterfaces.parse("DRSUAPI"));
        assertThat(WellKnownInterfaces.parse("11111111-2222-3333-4444-555555555555:2.1"))
                .isEqualTo(RpcInterfaceId.of("11111111-2222-3333-4444-555555555555", 2, 1));
        assertThat(WellKnownInterfaces.parse("11111111-2222-3333-4444-555555555555 v3")).isEqualTo(
                RpcInterfaceId.of("11111111-2222-3333-4444-555555555555", 3, 0));
        assertThat(WellKnownInterfaces.nameOf(UUID.fromString("12345778-1234-abcd-ef00-0123456789ac"))).contains("SAMR");
        assertThat(WellKnownInterfaces.nameOf(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"))).contains("NETLOGON");
        assertThat(WellKnownInterfaces.nameOf(RpcInterfaceId.EPM.uuid())).contains("EPM");
        assertThatThrownBy(() -> WellKnownInterfaces.parse("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was nope");
        assertThat(RpcInterfaceId.EPM.toString()).isEqualTo("e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0");
    }

    @Test
    void statusesAndSequencesAreOpen() {
        assertThat(RpcStatus.valueOf(0x16c9a0d6L)).isEqualTo(RpcStatus.EPT_S_NOT_REGISTERED);
        assertThat(RpcStatus.valueOf(0xdeadbeefL).name()).isEqualTo("unknown");
        assertThat(RpcStatus.valueOf(0xdeadbeefL).toString()).isEqualTo("0xdeadbeef (unknown)");
        assertThat(ProtocolSequence.parse("NCACN_IP_TCP")).isEqualTo(ProtocolSequence.NCACN_IP_TCP);
        assertThatThrownBy(() -> ProtocolSequence.parse("ncacn_foo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responderMetadata() {
        EndpointMapperResponder r = new EndpointMapperResponder();
        assertThat(r.name()).isEqualTo("msrpc");
        assertThat(r.defaultPorts()).extracting(c -> c.protocol() + "/" + c.port()).containsExactlyInAnyOrder("TCP/135", "UDP/135");
        assertThat(r.serviceNames()).containsExactlyInAnyOrder("epmap", "loc-srv");
        assertThat(r.usesEphemeralSourcePort(Protocol.TCP)).isTrue();
        assertThat(r.usesEphemeralSourcePort(Protocol.UDP)).isTrue();
        assertThat(r.queryBanner(Protocol.TCP, 135)).isEqualTo("Querying Endpoint Mapper Database...");
        assertThat(dev.portqry.core.spi.ResponderRegistry.loadDefault().byName("msrpc")).isPresent();
    }
}
