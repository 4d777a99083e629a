package dev.portqry.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;


import dev.portqry.core.PortProbe;
import dev.portqry.core.PortSpec;
import dev.portqry.core.Protocol;
import dev.portqry.examples.RootDsePeer;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import dev.portqry.testkit.Script;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quick start against peers this test opens on loopback: an LDAP server built from the
 * library's own LDAP classes, a plain listener, a closed port, and something on the
 * endpoint-mapper port that is not an endpoint mapper.
 */
class QuickStartTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void walksProbeScanRootDseAndDump() throws Exception {
        Map<String, List<String>> dse = new LinkedHashMap<>();
        dse.put("dnsHostName", List.of("dc1.corp.example.test"));
        dse.put("defaultNamingContext", List.of("DC=corp,DC=example,DC=test"));
        dse.put("supportedLDAPVersion", List.of("2", "3"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LoopbackPeer ldap = RootDsePeer.start(LO, dse);
             ServerSocket listening = LoopbackPorts.tcpListener(LO);
             LoopbackPeer notAnEndpointMapper = LoopbackPeer.tcp(LO, Script.create().read(1).close());
             PortProbe probe = PortProbe.builder().build()) {
            int closed = LoopbackPorts.closedTcpPort(LO);
            List<PortSpec> scan = List.of(new PortSpec(Protocol.TCP, listening.getLocalPort()),
                    new PortSpec(Protocol.TCP, closed), new PortSpec(Protocol.TCP, ldap.port()));

            new QuickStart(probe, new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(LO.getHostAddress(), ldap.port(), notAnEndpointMapper.port(), scan);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("TCP port \\d+ \\(\\S+ service\\): LISTENING \\(")
                .contains(": NOT LISTENING")
                .contains("2 of 3 listening")
                .contains("dnsHostName: dc1.corp.example.test")
                .contains("defaultNamingContext: DC=corp,DC=example,DC=test")
                .contains("supportedLDAPVersion: [2, 3]")
                .contains("no endpoint-mapper dump from TCP port");
    }
}
