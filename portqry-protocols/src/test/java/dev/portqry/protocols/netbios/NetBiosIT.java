package dev.portqry.protocols.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** NetBIOS node status of the testbed's Samba domain controller. */
class NetBiosIT {

    @Test
    void theNameTableHoldsTheDcAndItsDomain() throws Exception {
        Testbed tb = Testbed.require();
        String host = tb.get("dc.fqdn").split("\\.")[0].toUpperCase(Locale.ROOT);
        String domain = tb.get("dc.realm").split("\\.")[0].toUpperCase(Locale.ROOT);
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new NetBiosResponder()).build()).build()) {
            PortStatus st = probe.probe(tb.address("dc.address"), Protocol.UDP, 137).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            NodeStatusResult r = st.result(NodeStatusResult.class).orElseThrow(() -> new AssertionError(st.toString()));
            assertThat(r.names()).anySatisfy(n -> {
                assertThat(n.name()).isEqualTo(host);
                assertThat(n.suffix()).isZero();
                assertThat(n.flags().group()).isFalse();
            });
            assertThat(r.names()).anySatisfy(n -> {
                assertThat(n.name()).isEqualTo(domain);
                assertThat(n.suffixText()).isEqualTo("<1c>");
                assertThat(n.flags().group()).isTrue();
            });
            assertThat(r.macAddress()).matches("[0-9a-f]{12}");
            assertThat(r.reportLines().get(0)).startsWith("Server's response: MAC address ");
        }
    }
}
