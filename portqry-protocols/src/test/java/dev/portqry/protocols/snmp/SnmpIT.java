package dev.portqry.protocols.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The testbed's net-snmp agent with the right community, and with a wrong one. */
class SnmpIT {
    private static Testbed tb;
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        tb = Testbed.require();
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new SnmpResponder()).build()).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    /** snmpd listens on loopback unless the testbed names another address. */
    private static InetAddress agent() {
        try {
            return tb.address("snmp.address");
        } catch (RuntimeException notSet) {
            return InetAddress.getLoopbackAddress();
        }
    }

    private static ProbeOptions opts(String community, String version) {
        return ProbeOptions.builder().responder(ResponderSelection.forced("snmp"))
                .set(SnmpResponder.COMMUNITY, community).set(SnmpResponder.VERSION, version).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2c", "1"})
    void theRightCommunityReadsSysName(String version) throws Exception {
        PortStatus st = probe.probe(agent(), Protocol.UDP, tb.port("snmp.port"), opts(tb.get("snmp.community"), version)).get();
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        SnmpResult r = st.result(SnmpResult.class).orElseThrow(() -> new AssertionError(st.toString()));
        assertThat(r.sysName()).hasValue(tb.get("snmp.sysname"));
        assertThat(r.version().label()).isEqualTo(version);
        assertThat(r.varBinds()).hasSize(4);
        assertThat(r.reportLines()).startsWith("community name for query:", tb.get("snmp.community"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2c", "1"})
    void aWrongCommunityIsFilteredAndSaysWhy(String version) throws Exception {
        PortStatus st = probe.probe(agent(), Protocol.UDP, tb.port("snmp.port"), opts("not-" + tb.get("snmp.community"), version)).get();
        assertThat(st.state()).isEqualTo(PortState.FILTERED);
        assertThat(st.reason()).contains("wrong community name is a likely cause");
        assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
    }
}
