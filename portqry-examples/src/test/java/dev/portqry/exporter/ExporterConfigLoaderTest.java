package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.PortState;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExporterConfigLoaderTest {
    private static ExporterConfig parse(String yaml) {
        return ExporterConfigLoader.parse(new StringReader(yaml), "test.yml");
    }

    @Test
    void builtInModulesAreOnePerPredefinedServiceAndAdDc() {
        ExporterConfig c = parse("");
        assertThat(c.modules().keySet()).containsExactly("domains", "dns", "netbios", "ipsec", "sql", "web", "exchange",
                "netmeeting", "ad_dc");
        ProbeModule dc = c.module("ad_dc").orElseThrow();
        assertThat(dc.rpcDynamicPorts()).isTrue();
        assertThat(dc.kerberosAnswer()).isTrue();
        assertThat(dc.ports()).anyMatch(p -> p.key().equals("tcp/636") && p.expectation().orElse("").startsWith("cert-days-left"));
        assertThat(c.allowList()).isEqualTo(TargetAllowList.LOOPBACK_ONLY);
    }

    @Test
    void theShippedExampleLoads() {
        ExporterConfig c = ExporterConfigLoader.load(Path.of("exporter/portqry-exporter.yml"));
        assertThat(c.modules()).containsKeys("dc_ldaps", "dc_replication", "kdc", "snmp_agents", "no_telnet", "ad_dc");
        assertThat(c.module("no_telnet").orElseThrow().ports().get(0).expected()).isEqualTo(PortState.NOT_LISTENING);
        assertThat(c.module("dc_ldaps").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.allowList().allowsName("dc1.corp.example.test")).isTrue();
    }

    @Test
    void aModuleCanStartFromAServiceAndReplaceABuiltIn() {
        ExporterConfig c = parse("""
                modules:
                  dns:
                    service: DNS Queries
                    ports:
                      - tcp/53
                """);
        ProbeModule dns = c.module("dns").orElseThrow();
        assertThat(dns.ports()).extracting(ModulePort::key).containsExactly("tcp/53", "udp/53");
        assertThat(dns.ports().get(0).required()).isTrue();
        assertThat(dns.ports().get(1).required()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "modules:\\n  m:\\n    ports: [tcp/70000]                          | test.yml line 3: modules.m.ports[0]: port must be 1-65535, was 70000",
            "modules:\\n  m:\\n    ports:\\n      - port: tcp/1\\n        expect: nope=1 | test.yml line 5: modules.m.ports[0].expect: expectation must be",
            "modules:\\n  m:\\n    portz: [tcp/1]                              | test.yml line 3: modules.m.portz: unknown key",
            "allow:\\n  - 10.0.0.0/8\\n  - 300.1.1.1/8                         | test.yml line 3: allow[1]: allow-list entry must be",
            "max_concurrent_probes: lots                                       | test.yml line 1: max_concurrent_probes: must be a whole number 1-4096, was lots",
            "modules:\\n  m:\\n    ports: [tcp/1]\\n    timeout: 10 seconds        | test.yml line 4: modules.m.timeout: must be a duration",
            "modules:\\n  m:\\n    ports: [tcp/1]\\n    settings:\\n      no.such: 1 | test.yml line 5: modules.m.settings.no.such:",
            "modules:\\n  m:\\n    ports: [tcp/1, tcp/1]                       | test.yml line 3: modules.m.ports[1]: tcp/1 is listed twice",
            "modules:\\n  m:\\n    rpc_dynamic_ports: true\\n    ports: [tcp/1] | test.yml line 2: modules.m: rpc_dynamic_ports needs tcp/135",
            "modules:\\n  m:\\n    service: nothing                            | test.yml line 3: modules.m.service: no predefined service nothing",
            "modules:\\n  bad-name:\\n    ports: [tcp/1]                      | test.yml line 2: modules.bad-name: module name must be",
            "modules:\\n  m:\\n    ports: [tcp/1]\\n  m:\\n    ports: [tcp/2] | test.yml line 4: modules.m: duplicate key",
            "modules: [a, b                                                     | test.yml line 1: not valid YAML",
            "modules:\\n  m:\\n    ports:\\n      - port: tcp/1\\n        state: open | test.yml line 5: modules.m.ports[0].state: must be listening"})
    void aBadConfigIsOneErrorNamingFileLineAndField(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.trim().replace("\\n", "\n")))
                .isInstanceOf(ExporterConfigException.class).hasMessageStartingWith(message.trim());
    }
}
