package dev.portqry.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.protocols.msrpc.EndpointMapper;
import dev.portqry.testbed.Testbed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quick start against the testbed's Samba domain controller, its LDAP and RPC parts answered for real. */
class QuickStartIT {

    @Test
    void readsTheDcsRootDseAndEndpointMap() {
        Testbed tb = Testbed.require();
        String dc = tb.address("dc.address").getHostAddress();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PortProbe probe = PortProbe.builder().build()) {
            new QuickStart(probe, new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(dc, 389, EndpointMapper.PORT, QuickStart.DC_PORTS);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("TCP port 389 (ldap service): LISTENING")
                .contains("dnsHostName: " + tb.get("dc.fqdn"))
                .contains("defaultNamingContext: " + tb.get("dc.basedn"))
                .containsPattern("\\d+ endpoints, ncacn_ip_tcp ports \\[.*135.*\\]");
    }
}
