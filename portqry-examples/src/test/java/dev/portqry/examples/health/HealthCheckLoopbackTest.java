package dev.portqry.examples.health;

import dev.portqry.protocols.health.CheckResult;
import dev.portqry.protocols.health.Expectations;
import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.protocols.health.HealthState;
import static org.assertj.core.api.Assertions.assertThat;


import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.examples.RootDsePeer;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import dev.portqry.testkit.Script;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Single checks against peers on loopback: port states, an LDAP expectation, and the deadline. */
class HealthCheckLoopbackTest {
    private static final InetAddress LO = LoopbackChecks.LO;
    private static final String HOST = LoopbackChecks.HOST;
    private static PortProbe probe;

    @BeforeAll
    static void open() {
        probe = LoopbackChecks.probe();
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    private static CheckResult run(HealthCheck check) {
        return check.run(probe, probe.defaultOptions()).join();
    }

    @Test
    void portStates() throws Exception {
        int closed = LoopbackPorts.closedTcpPort(LO);
        try (ServerSocket listening = LoopbackPorts.tcpListener(LO)) {
            CheckResult up = run(HealthCheck.builder("open").target(HOST).tcp(listening.getLocalPort()).build());
            assertThat(up.state()).isEqualTo(HealthState.UP);
            assertThat(up.reason()).isEqualTo("TCP port " + listening.getLocalPort() + " LISTENING");
        }
        CheckResult down = run(HealthCheck.builder("closed").target(HOST).tcp(closed).build());
        assertThat(down.state()).isEqualTo(HealthState.DOWN);
        assertThat(down.reason()).startsWith("TCP port " + closed + " NOT LISTENING, expected LISTENING (");

        CheckResult mustBeClosed = run(HealthCheck.builder("no-telnet").target(HOST).tcp(closed)
                .expect(PortState.NOT_LISTENING).build());
        assertThat(mustBeClosed.state()).isEqualTo(HealthState.UP);
    }

    @Test
    void ldapAttributePresentAndAbsent() throws Exception {
        try (LoopbackPeer ldap = RootDsePeer.start(LO, Map.of("dnsHostName", List.of("dc1.corp.example.test")))) {
            CheckResult up = run(HealthCheck.builder("ldap").target(HOST).tcp(ldap.port())
                    .expectation(Expectations.ldapAttributePresent("dnsHostName")).build());
            assertThat(up.state()).isEqualTo(HealthState.UP);
            assertThat(up.reason()).endsWith("; dnsHostName=dc1.corp.example.test");

            CheckResult down = run(HealthCheck.builder("ldap").target(HOST).tcp(ldap.port())
                    .expectation(Expectations.ldapAttributePresent("defaultNamingContext")).build());
            assertThat(down.state()).isEqualTo(HealthState.DOWN);
            assertThat(down.reason()).endsWith("LDAP defaultNamingContext present failed: rootDSE has no defaultNamingContext");
        }
    }

    @Test
    void somethingThatIsNotLdapFailsTheExpectation() throws Exception {
        // Reads the start of the query before hanging up, so the query is always sent first.
        try (LoopbackPeer hangsUp = LoopbackPeer.tcp(LO, Script.create().read(1).close())) {
            CheckResult r = run(HealthCheck.builder("ldap").target(HOST).tcp(hangsUp.port())
                    .expectation(Expectations.ldapAttributePresent("dnsHostName")).build());
            assertThat(r.state()).isEqualTo(HealthState.DOWN);
            assertThat(r.reason()).contains("no RootDseResult: connection closed");
        }
    }

    @Test
    void aSilentPeerEndsAtTheDeadline() throws Exception {
        try (LoopbackPeer silent = LoopbackPeer.tcp(LO, Script.create().stall())) {
            // The LDAP conversation would wait 5 s (the responder timeout); the check's deadline is shorter.
            CheckResult r = run(HealthCheck.builder("slow").target(HOST).tcp(silent.port())
                    .expectation(Expectations.ldapAttributePresent("dnsHostName")).deadline(Duration.ofMillis(300)).build());
            assertThat(r.state()).isEqualTo(HealthState.DOWN);
            assertThat(r.reason()).isEqualTo("no verdict within the 300 ms deadline");
        }
    }
}
