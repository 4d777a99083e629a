package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.protocols.ldap.LdapResultCode;
import dev.portqry.protocols.ldap.RootDseResult;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeMetricsTest {
    /** Quotes, a backslash, a line break that would forge a sample, an ESC sequence, braces. */
    static final String HOSTILE = "DC=x\",evil=\"1\"}\nprobe_success 1\n\\ \u001b[31mred {}";

    @TempDir
    Path dir;

    static ProbeReport hostileReport() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        RootDseResult dse = new RootDseResult(List.of(new RootDseResult.Attribute("defaultNamingContext", List.of(HOSTILE)),
                new RootDseResult.Attribute("dnsHostName", List.of("x".repeat(5000)))), LdapResultCode.SUCCESS, "");
        PortStatus s = new PortStatus(lo, Protocol.TCP, 389, PortState.LISTENING, PortState.LISTENING, Optional.of("ldap"), 1,
                Duration.ofMillis(3), "connected", Optional.of(new ResponderOutcome.Answered("ldap", dse)));
        ModulePort port = ModulePort.of(Protocol.TCP, 389, true);
        ProbeModule module = ProbeModule.of("hostile", "", List.of(port));
        return new ProbeReport(module, "127.0.0.1", Optional.of(lo), Duration.ofMillis(1),
                List.of(new PortResult(port, s, Optional.empty(), true)), Optional.empty(), Duration.ofMillis(5), Optional.empty());
    }

    @Test
    void hostileLabelValuesAreEscapedAndForgeNoSample() throws Exception {
        String text = new String(ProbeMetrics.write(hostileReport()), StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.startsWith("probe_success "))).containsExactly("probe_success 1.0");
        String info = text.lines().filter(l -> l.startsWith("portqry_ldap_rootdse_info{")).findFirst().orElseThrow();
        // Controls made visible by SafeText, then quotes, backslashes and line breaks escaped by the client.
        assertThat(info).contains("default_naming_context=\"DC=x\\\",evil=\\\"1\\\"}\\\\nprobe_success 1\\\\n\\\\ \\\\x1b[31mred {}\"");
        assertThat(info).doesNotContain("\u001b");
        assertThat(info).contains("dns_host_name=\"" + "x".repeat(ProbeMetrics.MAX_LABEL) + "...\"");
    }

    @Test
    void promtoolAcceptsTheHostileExposition() throws Exception {
        Promtool.Result r = Promtool.run(ProbeMetrics.write(hostileReport()), dir, "check", "metrics");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void aFailedLookupReportsOnlyTheProbeMetrics() {
        ProbeReport r = new ProbeReport(ProbeModule.of("m", "", List.of(ModulePort.of(Protocol.TCP, 1, true))), "nowhere.invalid",
                Optional.empty(), Duration.ofMillis(2), List.of(), Optional.empty(), Duration.ofMillis(2), Optional.of("unresolved"));
        String text = new String(ProbeMetrics.write(r), StandardCharsets.UTF_8);
        assertThat(text).contains("probe_success 0.0").contains("probe_dns_lookup_time_seconds").doesNotContain("portqry_port_state");
    }
}
