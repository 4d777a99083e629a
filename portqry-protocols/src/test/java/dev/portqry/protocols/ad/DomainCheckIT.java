package dev.portqry.protocols.ad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.testbed.Testbed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The firewall case of issue 21 on the testbed's two-DC domain: DNS discovery finds DC1 (loopback)
 * and DC2 (its own namespace); with DC2's dynamic RPC ports dropped by nftables, DC1 is reachable
 * on everything it serves and DC2's endpoint mapper listens while its dynamic ports are FILTERED.
 */
class DomainCheckIT {
    /** What Samba does not serve or never answers: WINS (TCP 42) and the NetBIOS datagram service (UDP 138). */
    private static final Set<String> NOT_SERVED = Set.of("tcp/42", "udp/138");
    private static final String TABLE = "portqry_domain_it";

    private static Testbed tb;
    private static PortProbe probe;
    private static DomainControllerLocator locator;

    @BeforeAll
    static void start() {
        tb = Testbed.require();
        probe = PortProbe.builder().build();
        locator = DomainControllerLocator.builder().dnsServer(new InetSocketAddress(tb.address("dc.address"), 53)).build();
    }

    @AfterAll
    static void stop() {
        locator.close();
        probe.close();
    }

    @Test
    void discoveryFindsBothControllersAtTheirOwnAddresses() throws Exception {
        DomainControllers dcs = locator.locate(tb.get("dc.realm").toLowerCase(java.util.Locale.ROOT)).get(30, TimeUnit.SECONDS);
        assertThat(dcs.controllers()).extracting(d -> d.hostName().toLowerCase(java.util.Locale.ROOT))
                .containsExactlyInAnyOrder(tb.get("dc.fqdn"), tb.get("dc2.fqdn"));
        assertThat(controller(dcs, tb.get("dc.fqdn")).addresses()).contains(tb.address("dc.address"));
        DomainController dc2 = controller(dcs, tb.get("dc2.fqdn"));
        assertThat(dc2.addresses()).contains(tb.address("dc2.address"), tb.address("dc2.address6"));
        assertThat(dc2.roles()).containsExactlyInAnyOrder(DcRole.LDAP, DcRole.KERBEROS, DcRole.GC);
    }

    @Test
    void dc2sDynamicRpcPortsBehindAFirewallShowAsFilteredWhileItsEndpointMapperListens() throws Exception {
        DomainControllers dcs = locator.locate(tb.get("dc.realm").toLowerCase(java.util.Locale.ROOT)).get(30, TimeUnit.SECONDS);
        int low = tb.port("dc.rpc.dynamic.low");
        int high = tb.port("dc.rpc.dynamic.high");
        nft("add", "table", "inet", TABLE);
        try {
            nft("add", "chain", "inet", TABLE, "input", "{ type filter hook input priority 0; }");
            nft("add", "rule", "inet", TABLE, "input", "tcp", "dport", low + "-" + high, "drop");
            List<DomainCell> streamed = new CopyOnWriteArrayList<>();
            // Generous deadlines: the machine may be loaded, and this test is about states, not time.
            DomainCheck check = DomainCheck.builder().options(DomainCheck.DEFAULT_OPTIONS.toBuilder()
                    .responderTimeout(Duration.ofSeconds(20)).udpTimeout(Duration.ofSeconds(3)).build()).build();
            DomainMatrix m = check.run(probe, dcs, streamed::add).get(120, TimeUnit.SECONDS);
            assertThat(streamed).hasSize(m.rows().size() * m.columns().size());

            String dc1 = tb.get("dc.fqdn");
            String dc2 = tb.get("dc2.fqdn");
            for (DomainCell c : row(m, dc1)) {
                if (!NOT_SERVED.contains(c.column().key())) {
                    assertThat(c.state()).as(dc1 + " " + c.column().key() + ": " + c.reason())
                            .isIn(CellState.LISTENING, CellState.ANSWERED);
                }
            }
            assertThat(m.cell(dc2, "tcp/135").orElseThrow().state()).isEqualTo(CellState.LISTENING);
            DomainCell dyn = m.cell(dc2, CheckColumn.RPC_DYNAMIC.key()).orElseThrow();
            assertThat(dyn.state()).isEqualTo(CellState.FILTERED);
            assertThat(dyn.reason()).startsWith("FILTERED " + low);
            assertThat(m.cell(dc1, CheckColumn.RPC_DYNAMIC.key()).orElseThrow().state()).isEqualTo(CellState.LISTENING);
            assertThat(m.cell(dc2, CheckColumn.CLDAP_PING.key()).orElseThrow().value()).startsWith("site Default-First-Site-Name");
            assertThat(m.cell(dc1, CheckColumn.CLDAP_PING.key()).orElseThrow().value()).contains("PDC");
            assertThat(m.cell(dc2, CheckColumn.KERBEROS.key()).orElseThrow().value()).startsWith("realm " + tb.get("dc.realm"));
            assertThat(m.cell(dc2, CheckColumn.SMB_SIGNING.key()).orElseThrow().value()).isEqualTo("required");
            assertThat(m.exitCode()).isEqualTo(2);
        } finally {
            nft("delete", "table", "inet", TABLE);
        }
    }

    private static List<DomainCell> row(DomainMatrix m, String dc) {
        return m.rows().stream().filter(r -> r.controller().hostName().equalsIgnoreCase(dc)).findFirst().orElseThrow().cells();
    }

    private static DomainController controller(DomainControllers dcs, String name) {
        return dcs.controllers().stream().filter(d -> d.hostName().equalsIgnoreCase(name)).findFirst().orElseThrow();
    }

    private static void nft(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", tb.get("dc2.ns"), "nft"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("nft finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

}
