package dev.portqry.examples.health;

import dev.portqry.protocols.health.Expectation;
import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.protocols.health.HealthConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.PortState;
import dev.portqry.core.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line format: every field, comments, and errors that name the line. */
class HealthConfigTest {

    @Test
    void readsEveryFormOfCheck() {
        List<HealthCheck> checks = HealthConfig.parse(List.of(
                "# name target port protocol expected-state [expectation]",
                "",
                "dc1-ldap     127.0.0.1 389  tcp LISTENING ldap-attribute=dnsHostName   # the DC's name",
                "dc1-drsuapi  127.0.0.1 135  tcp listening rpc-reachable=DRSUAPI",
                "dc1-kdc      127.0.0.1 88   udp LISTENING kerberos-realm=corp.example.test",
                "dc1-ldaps    127.0.0.1 636  tcp LISTENING cert-days-left=30",
                "no-telnet    127.0.0.1 23   tcp not-listening"), "checks.conf");

        assertThat(checks).extracting(HealthCheck::name)
                .containsExactly("dc1-ldap", "dc1-drsuapi", "dc1-kdc", "dc1-ldaps", "no-telnet");
        HealthCheck kdc = checks.get(2);
        assertThat(kdc.protocol()).isEqualTo(Protocol.UDP);
        assertThat(kdc.port()).isEqualTo(88);
        assertThat(kdc.expectation()).get().extracting(Expectation::description).isEqualTo("Kerberos answers for CORP.EXAMPLE.TEST");
        assertThat(checks.get(0).expectation()).get().extracting(Expectation::description).isEqualTo("LDAP dnsHostName present");
        assertThat(checks.get(1).expectation()).get().extracting(Expectation::description).isEqualTo("DRSUAPI's dynamic port reachable");
        assertThat(checks.get(3).expectation()).get().extracting(Expectation::description)
                .isEqualTo("certificate valid for more than 30 days");
        assertThat(checks.get(4).expected()).isEqualTo(PortState.NOT_LISTENING);
        assertThat(checks.get(4).expectation()).isEmpty();
        assertThat(checks).allSatisfy(c -> assertThat(c.deadline()).isEqualTo(HealthCheck.DEFAULT_DEADLINE));
    }

    @Test
    void errorsNameTheSourceAndLine() {
        assertThatThrownBy(() -> HealthConfig.parse(List.of("# ok", "a 127.0.0.1 0 tcp LISTENING"), "checks.conf"))
                .hasMessage("checks.conf line 2: port must be 1-65535, was 0 (check a)");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("a 127.0.0.1 389 sctp LISTENING"), "f"))
                .hasMessageContaining("line 1: protocol must be tcp or udp, was sctp");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("a 127.0.0.1 389 tcp OPEN"), "f"))
                .hasMessageContaining("expected state must be LISTENING");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("a 127.0.0.1 389 tcp LISTENING smtp-banner=x"), "f"))
                .hasMessageContaining("expectation must be");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("a 127.0.0.1 389 tcp"), "f"))
                .hasMessageContaining("need: name target port protocol expected-state");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("a 127.0.0.1 389 tcp NOT_LISTENING ldap-attribute=x"), "f"))
                .hasMessageContaining("an expectation needs expected state LISTENING");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("a 127.0.0.1 135 tcp LISTENING rpc-reachable=NOPE"), "f"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("a 127.0.0.1 636 tcp LISTENING cert-days-left=soon"), "f"))
                .hasMessageContaining("cert-days-left must be a whole number");
        assertThatThrownBy(() -> HealthConfig.parse(List.of("x".repeat(2000)), "f"))
                .hasMessageContaining("longer than");
    }
}
