package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The module prober from Java, as EXAMPLES.md section 5 shows it, against loopback ports this test opens. */
class ModuleProberTest {
    @Test
    void fitShortensEveryAttemptToTheDeadlineAndTurnsReverseLookupOff() {
        ProbeOptions o = ModuleProber.fit(ProbeOptions.builder().reverseLookup(true).build(), Duration.ofMillis(1500));
        assertThat(o.tcpConnectTimeout().toMillis() * o.tcpAttempts()).isLessThanOrEqualTo(900);
        assertThat(o.udpTimeout().toMillis() * o.udpAttempts()).isLessThanOrEqualTo(900);
        assertThat(o.responderTimeout()).isEqualTo(Duration.ofMillis(1200));
        assertThat(o.reverseLookup()).isFalse();
        ProbeOptions roomy = ModuleProber.fit(ProbeOptions.defaults(), Duration.ofSeconds(30));
        assertThat(roomy.tcpConnectTimeout()).isEqualTo(ProbeOptions.DEFAULT_TCP_CONNECT_TIMEOUT);
    }

    @Test
    void aModuleRunsFromJavaWithinItsDeadline() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (PortProbe probe = PortProbe.builder().build();
             ServerSocket live = new ServerSocket(0, 50, lo);
             ServerSocket silent = new ServerSocket(0, 50, lo)) {
            ProbeModule module = new ProbeModule("java", "from Java", List.of(ModulePort.of(Protocol.TCP, live.getLocalPort(), true),
                    ModulePort.of(Protocol.TCP, silent.getLocalPort(), true).withExpectation("ldap-attribute=dnsHostName")),
                    false, false, Duration.ofSeconds(10), java.util.Map.of());
            ModuleProber prober = new ModuleProber(probe, ProbeOptions.defaults(), TargetAllowList.LOOPBACK_ONLY);
            long t0 = System.nanoTime();
            ProbeReport report = prober.run(module, "127.0.0.1", Duration.ofSeconds(3)).get(10, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(8000);
            assertThat(report.ports()).hasSize(2);
            assertThat(report.ports().get(0).status().state()).isEqualTo(PortState.LISTENING);
            // The silent port accepts, but no rootDSE comes back by the deadline.
            assertThat(report.ports().get(1).expectation().orElseThrow().met()).as(report.ports().get(1).toString()).isFalse();
            assertThat(report.success()).isFalse();
            assertThat(new String(ProbeMetrics.write(report), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("probe_success 0.0");

            assertThatThrownBy(() -> prober.run(module, "192.0.2.1", Duration.ofSeconds(1)).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(TargetRefusedException.class);
        }
    }
}
