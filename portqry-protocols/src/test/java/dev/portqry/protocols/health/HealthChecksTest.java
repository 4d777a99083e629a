package dev.portqry.protocols.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.testkit.LoopbackPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner and the expectation tokens, on loopback ports the test opens. */
class HealthChecksTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void runAllJudgesEveryCheckInOrder() throws Exception {
        try (ServerSocket open = LoopbackPorts.tcpListener(LO); PortProbe probe = PortProbe.builder().build()) {
            int closed = LoopbackPorts.closedTcpPort(LO);
            String lo = LO.getHostAddress();
            List<CheckResult> results = HealthChecks.runAll(probe, probe.defaultOptions(), List.of(
                    HealthCheck.builder("open").target(lo).tcp(open.getLocalPort()).build(),
                    HealthCheck.builder("closed-wanted").target(lo).tcp(closed).expect(PortState.NOT_LISTENING).build(),
                    HealthCheck.builder("closed").target(lo).tcp(closed).build())).join();
            assertThat(results).extracting(CheckResult::name).containsExactly("open", "closed-wanted", "closed");
            assertThat(results).extracting(CheckResult::state)
                    .containsExactly(HealthState.UP, HealthState.UP, HealthState.DOWN);
            assertThat(results.get(2).reason()).contains("NOT LISTENING, expected LISTENING");
        }
    }

    @Test
    void namesMustBeUnique() {
        HealthCheck a = HealthCheck.builder("a").target("127.0.0.1").tcp(1).build();
        try (PortProbe probe = PortProbe.builder().build()) {
            assertThatThrownBy(() -> HealthChecks.runAll(probe, probe.defaultOptions(), List.of(a, a)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is used twice");
        }
    }

    @Test
    void everyExpectationTokenParses() {
        assertThat(Expectations.parse("ldap-value=domainControllerFunctionality=7").description())
                .isEqualTo("LDAP domainControllerFunctionality=7");
        assertThat(Expectations.parse("kerberos-skew=300").description()).isEqualTo("Kerberos clock skew within 300 s");
        assertThat(Expectations.parse("smb-signing=required").description()).isEqualTo("SMB signing required");
        assertThatThrownBy(() -> Expectations.parse("ldap-value=novalue")).hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> Expectations.parse("smb-signing=optional")).hasMessageContaining("smb-signing=required");
        assertThatThrownBy(() -> Expectations.parse("kerberos-skew=soon")).hasMessageContaining("kerberos-skew must be a whole number");
        assertThatThrownBy(() -> Expectations.kerberosClockSkewWithin(Duration.ZERO)).hasMessageContaining("max clock skew");
    }
}
