package dev.portqry.protocols.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LDAP responder against the testbed's Samba AD DC and its filtering namespace. */
class LdapIT {
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder()
                .responders(ResponderRegistry.builder().add(new LdapResponder()).build())
                .defaultOptions(ProbeOptions.builder().udpTimeout(Duration.ofSeconds(2)).build())
                .build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource({"TCP, 389, dc.address", "TCP, 3268, dc.address", "UDP, 389, dc.address", "UDP, 389, dc.address6",
        "TCP, 389, dc.address6"})
    void readsTheDomainControllersRootDse(Protocol protocol, int port, String addressKey) throws Exception {
        Testbed tb = Testbed.require();
        InetAddress dc = tb.address(addressKey);
        PortStatus st = probe.probe(dc, protocol, port).get();
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        RootDseResult dse = st.result(RootDseResult.class)
                .orElseThrow(() -> new AssertionError("no LDAP result: " + st.responder()));
        assertThat(dse.resultCode().isSuccess()).isTrue();
        assertThat(dse.defaultNamingContext()).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase(tb.get("dc.basedn")));
        assertThat(dse.dnsHostName()).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase(tb.get("dc.fqdn")));
        assertThat(dse.reportLines()).first().isEqualTo("LDAP query response:");
    }

    @Test
    void cldapToADroppedPortIsFiltered() throws Exception {
        Testbed tb = Testbed.require();
        ProbeOptions forced = probe.defaultOptions().toBuilder()
                .udpTimeout(Duration.ofMillis(500))
                .responder(ResponderSelection.forced(LdapResponder.NAME))
                .build();
        PortStatus st = probe.probe(tb.address("ns.address"), Protocol.UDP, tb.port("ns.udp.drop"), forced).get();
        assertThat(st.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
        assertThat(st.state()).isEqualTo(PortState.FILTERED);
        assertThat(st.reason()).contains("LDAP");
    }
}
