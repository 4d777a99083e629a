package dev.portqry.protocols.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.testbed.Testbed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library's health-check API against the testbed's Samba DC, from code: every kind of
 * expectation holds on a healthy DC, and one that cannot hold says why.
 */
class HealthChecksIT {

    @Test
    void everyExpectationKindAgainstTheDc() {
        Testbed tb = Testbed.require();
        String dc = tb.address("dc.address").getHostAddress();
        List<HealthCheck> checks = List.of(
                HealthCheck.builder("ldap-value").target(dc).tcp(389)
                        .expectation(Expectations.ldapAttributeEquals("dnsHostName", tb.get("dc.fqdn"))).build(),
                HealthCheck.builder("cldap").target(dc).udp(389)
                        .expectation(Expectations.ldapAttributePresent("defaultNamingContext")).build(),
                HealthCheck.builder("drsuapi").target(dc).tcp(135)
                        .expectation(Expectations.rpcInterfaceReachable("DRSUAPI")).build(),
                HealthCheck.builder("realm").target(dc).udp(88)
                        .expectation(Expectations.kerberosRealm(tb.get("dc.realm"))).build(),
                HealthCheck.builder("skew").target(dc).tcp(88)
                        .expectation(Expectations.kerberosClockSkewWithin(Duration.ofMinutes(5))).build(),
                HealthCheck.builder("ldaps").target(dc).tcp(636)
                        .expectation(Expectations.certificateDaysLeftAbove(0)).build(),
                HealthCheck.builder("smb-signing").target(dc).tcp(445)
                        .expectation(Expectations.smbSigningRequired()).build(),
                HealthCheck.builder("wrong-value").target(dc).tcp(389)
                        .expectation(Expectations.ldapAttributeEquals("dnsHostName", "other.example.test")).build());
        try (PortProbe probe = PortProbe.builder().build()) {
            Map<String, CheckResult> byName = HealthChecks.runAll(probe, probe.defaultOptions(), checks).join().stream()
                    .collect(Collectors.toMap(CheckResult::name, Function.identity()));
            assertThat(byName).hasSize(checks.size());
            byName.values().stream().filter(r -> !r.name().equals("wrong-value")).forEach(r ->
                    assertThat(r.state()).as(r.name() + ": " + r.reason()).isEqualTo(HealthState.UP));
            assertThat(byName.get("skew").reason()).contains("clock skew");
            assertThat(byName.get("smb-signing").reason()).contains("requires signing");
            CheckResult wrong = byName.get("wrong-value");
            assertThat(wrong.state()).isEqualTo(HealthState.DOWN);
            assertThat(wrong.reason()).contains("dnsHostName is " + tb.get("dc.fqdn"));
        }
    }
}
