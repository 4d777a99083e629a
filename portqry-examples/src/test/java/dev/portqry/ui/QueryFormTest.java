package dev.portqry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.cli.ResponderSettings;
import dev.portqry.core.IpPreference;
import dev.portqry.core.PortSpec;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ResponderRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryFormTest {
    private static final UiOptions UI = UiOptions.builder().maxPorts(100).parallel(16).build();
    private static final ResponderSettings SETTINGS =
            new ResponderSettings(ResponderRegistry.builder().add(new DemoResponder(1)).build());

    private static QueryRequest check(String body) {
        return QueryForm.parse(body).check(UI, SETTINGS);
    }

    @Test
    void serviceThenManualPortsInOrderWithoutRepeats() {
        QueryRequest r = check("target=dc1.corp.example.test&service=sql&tcp=1433%2C80-81&udp=1434,53");
        assertThat(r.target()).isEqualTo("dc1.corp.example.test");
        assertThat(r.service()).contains("SQL Service");
        assertThat(r.ports()).containsExactly(new PortSpec(Protocol.TCP, 1433), new PortSpec(Protocol.UDP, 1434),
                new PortSpec(Protocol.TCP, 80), new PortSpec(Protocol.TCP, 81), new PortSpec(Protocol.UDP, 53));
    }

    @Test
    void optionsComeFromTheFields() {
        QueryRequest r = check("target=%5B%3A%3A1%5D&tcp=80&slowLink=true&ip=ipv6&community=s3cret+x&sourcePort=5000");
        assertThat(r.target()).isEqualTo("::1");
        assertThat(r.options().slowLink()).isTrue();
        assertThat(r.options().reverseLookup()).isFalse();
        assertThat(r.options().ipPreference()).isEqualTo(IpPreference.IPV6_ONLY);
        assertThat(r.options().sourcePort()).isEqualTo(5000);
        assertThat(r.options().maxInFlight()).as("one fixed source port, one probe at a time").isEqualTo(1);
        assertThat(r.options().setting(DemoResponder.COMMUNITY)).isEqualTo("s3cret x");

        QueryRequest plain = check("target=10.0.0.1&udp=161&reverse=true");
        assertThat(plain.options().reverseLookup()).isTrue();
        assertThat(plain.options().maxInFlight()).isEqualTo(16);
        assertThat(plain.options().setting(DemoResponder.COMMUNITY)).isEqualTo("public");
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThatThrownBy(() -> check("target=&tcp=70000&udp=9-2&sourcePort=0&service=nope&ip=ipv5"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fields()).containsExactly(
                            Map.entry("target", "Enter a name or an IP address to query"),
                            Map.entry("service", "Unknown predefined service 'nope'"),
                            Map.entry("tcp", "TCP ports: port must be 1-65535, was 70000"),
                            Map.entry("udp", "UDP ports: range start must not be above its end, was 9-2"),
                            Map.entry("sourcePort", "Source port: port must be 1-65535, was 0"),
                            Map.entry("ip", "IP version must be any, ipv4 or ipv6, was 'ipv5'"));
                    assertThat(e.getMessage()).isEqualTo("Enter a name or an IP address to query");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "target=a+b&tcp=80           | target | is neither a host name",
            "target=-x&tcp=80            | target | neither a host name",
            "target=host                 | tcp    | Choose a predefined service or enter TCP or UDP ports",
            "target=host&tcp=1-200       | tcp    | At most 100 ports per query, was 200",
            "target=host&udp=1-101       | udp    | At most 100 ports per query, was 101",
            "target=host&tcp=80,,81      | tcp    | empty item",
            "target=host&udp=%zz         | form   | not URL-encoded"})
    void badFieldsSayWhatIsWrong(String body, String field, String message) {
        assertThatThrownBy(() -> check(body.trim())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.fields().get(field.trim())).contains(message.trim()));
    }

    @ParameterizedTest
    @CsvSource({"dc1.corp.example.test", "10.0.0.5", "::1", "[fe80::1]", "_ldap._tcp.corp.example.test", "host."})
    void acceptsNamesAndLiterals(String target) {
        assertThat(check("target=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8) + "&tcp=80")
                .ports()).hasSize(1);
    }
}
