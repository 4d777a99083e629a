package dev.portqry.protocols.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DNS on the testbed's Samba domain controller, over UDP and TCP. */
class DnsIT {
    private static Testbed tb;
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        tb = Testbed.require();
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new DnsResponder()).build()).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void theDcAnswersForANameInItsZone(Protocol protocol) throws Exception {
        String fqdn = tb.get("dc.fqdn");
        InetAddress dc = tb.address("dc.address");
        ProbeOptions opts = ProbeOptions.builder().set(DnsResponder.QUERY_NAME, fqdn).build();
        PortStatus st = probe.probe(dc, protocol, 53, opts).get();
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        DnsResult a = st.result(DnsResult.class).orElseThrow(() -> new AssertionError(st.toString()));
        assertThat(a.flags().authoritative()).as("the DC is the authority for its own zone").isTrue();
        assertThat(a.flags().recursionDesired()).isFalse();
        assertThat(a.question()).get().extracting(DnsResult.Question::name).isEqualTo(fqdn + ".");
        // The A record exists when the testbed registered the DC's address; either way the zone's authority answered.
        assertThat(a.answers()).allSatisfy(r -> assertThat(r.type().name()).isEqualTo("A"));
        if (a.isSuccess()) {
            assertThat(a.answers()).extracting(DnsResourceRecord::data).contains(dc.getHostAddress());
        } else {
            assertThat(a.authorities()).extracting(r -> r.type().name()).contains("SOA");
        }
        assertThat(a.reportLines()).first().isEqualTo("DNS query response:");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void theDefaultQueryGetsAnAnswerWithoutRecursion(Protocol protocol) throws Exception {
        PortStatus st = probe.probe(tb.address("dc.address"), protocol, 53).get();
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        DnsResult a = st.result(DnsResult.class).orElseThrow(() -> new AssertionError(st.toString()));
        assertThat(a.flags().recursionDesired()).isFalse();
        a.question().ifPresent(q -> assertThat(q.name()).isEqualTo(DnsResponder.PORTQRY_QUESTION + "."));
    }
}
