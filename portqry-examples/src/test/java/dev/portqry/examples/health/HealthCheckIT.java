package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.protocols.health.HealthConfig;
import dev.portqry.protocols.health.HealthState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.testbed.Testbed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four protocol expectations against the testbed's Samba domain controller, declared in the
 * line format as an operator would write them.
 */
class HealthCheckIT {

    @Test
    void everyExpectationHoldsOnTheDc() {
        Testbed tb = Testbed.require();
        String dc = tb.address("dc.address").getHostAddress();
        List<HealthCheck> checks = HealthConfig.parse(List.of(
                "dc-ldap      " + dc + " 389 tcp LISTENING ldap-attribute=dnsHostName",
                "dc-cldap     " + dc + " 389 udp LISTENING ldap-attribute=defaultNamingContext",
                "dc-drsuapi   " + dc + " 135 tcp LISTENING rpc-reachable=DRSUAPI",
                "dc-kdc       " + dc + " 88  udp LISTENING kerberos-realm=" + tb.get("dc.realm"),
                "dc-ldaps     " + dc + " 636 tcp LISTENING cert-days-left=0"), "testbed");
        try (PortProbe probe = PortProbe.builder().build();
             HealthMonitor monitor = HealthMonitor.builder(probe).addAll(checks).build()) {
            HealthReport report = monitor.runOnce().join();
            assertThat(report.checks()).allSatisfy(c -> assertThat(c.state()).as(c.name() + ": " + c.reason())
                    .isEqualTo(HealthState.UP));
            assertThat(report.check("dc-ldap").orElseThrow().reason()).endsWith("dnsHostName=" + tb.get("dc.fqdn"));
            assertThat(report.check("dc-cldap").orElseThrow().reason()).endsWith("defaultNamingContext=" + tb.get("dc.basedn"));
            assertThat(report.check("dc-drsuapi").orElseThrow().reason()).containsPattern("DRSUAPI at TCP \\d+ LISTENING");
            assertThat(report.check("dc-ldaps").orElseThrow().reason()).contains("certificate expires in");
        }
    }
}
