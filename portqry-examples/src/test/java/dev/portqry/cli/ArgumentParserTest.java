package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ConnectionMode;
import dev.portqry.core.IpPreference;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.PortClaim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgumentParserTest {

    private static CliRequest parse(String... args) {
        return ArgumentParser.parse(List.of(args));
    }

    @Test
    void defaultsAreTcpPort80WithReverseLookup() {
        CliRequest r = parse("-n", "host");
        assertThat(r.mode()).isEqualTo(CliRequest.Mode.QUERY);
        assertThat(r.query().targets()).containsExactly("host");
        assertThat(r.query().ports()).containsExactly(PortClaim.tcp(80));
        assertThat(r.query().options().reverseLookup()).isTrue();
        // PortQry's two steps: the query gets its own TCP connection
        assertThat(r.query().options().connectionMode()).isEqualTo(ConnectionMode.SEPARATE);
        assertThat(r.query().parallel()).isEqualTo(QueryPlan.DEFAULT_PARALLEL);
        assertThat(r.logFile()).isEmpty();
    }

    @Test
    void optionsIgnoreCase() {
        CliRequest r = parse("-N", "host", "-P", "UDP", "-E", "389", "-NR", "-SL");
        assertThat(r.query().ports()).containsExactly(PortClaim.udp(389));
        assertThat(r.query().options().reverseLookup()).isFalse();
        assertThat(r.query().options().slowLink()).isTrue();
    }

    @Test
    void bothProbesEachPortOverTcpThenUdp() {
        CliRequest r = parse("-n", "h", "-p", "both", "-o", "53,88");
        assertThat(r.query().ports()).containsExactly(PortClaim.tcp(53), PortClaim.udp(53), PortClaim.tcp(88), PortClaim.udp(88));
    }

    @Test
    void rangeAcceptsColonAndSemicolonAndIsFlagged() {
        assertThat(parse("-n", "h", "-r", "20:23").query().ports()).extracting(PortClaim::port).containsExactly(20, 21, 22, 23);
        assertThat(parse("-n", "h", "-r", "20;21").query().ports()).hasSize(2);
        assertThat(parse("-n", "h", "-r", "20:21").query().range()).isTrue();
    }

    @Test
    void communitySpansArgumentsBetweenBangs() {
        assertThat(parse("-n", "h", "-cn", "!my", "secret", "name!", "-e", "161").query().settings())
                .containsEntry("snmp.community", "my secret name");
        assertThat(parse("-n", "h", "-cn", "!public!").query().settings()).containsEntry("snmp.community", "public");
    }

    @Test
    void multiLetterOptionsAreNotClustered() {
        // -nr must be the option, never -n with the value r.
        assertThatThrownBy(() -> parse("-nr")).isInstanceOf(CliException.class).hasMessageContaining("-n");
        assertThat(parse("-n", "h", "-nr").query().targets()).containsExactly("h");
    }

    @Test
    void sourcePortSerializesProbes() {
        CliRequest r = parse("-n", "h", "-sp", "4000");
        assertThat(r.query().options().sourcePort()).isEqualTo(4000);
        assertThat(r.query().parallel()).isEqualTo(1);
    }

    @Test
    void timingOptionsReachProbeOptions() {
        CliRequest r = parse("-n", "h", "-tcpwait", "250", "-tcptries", "2", "-udpwait", "300", "-udptries", "3",
                "-querywait", "900", "-ipv6", "-parallel", "8");
        assertThat(r.query().options().tcpConnectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(r.query().options().tcpAttempts()).isEqualTo(2);
        assertThat(r.query().options().udpTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(r.query().options().udpAttempts()).isEqualTo(3);
        assertThat(r.query().options().responderTimeout()).isEqualTo(Duration.ofMillis(900));
        assertThat(r.query().options().ipPreference()).isEqualTo(IpPreference.IPV6_ONLY);
        assertThat(r.query().parallel()).isEqualTo(8);
    }

    @Test
    void severalTargetsAndTargetFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("targets.txt");
        Files.writeString(f, "# comment\nalpha\n\n beta  # trailing\n");
        assertThat(parse("-n", "x,@" + f + ",y").query().targets()).containsExactly("x", "alpha", "beta", "y");
    }

    @Test
    void predefinedServiceByNameOrKey() {
        assertThat(parse("-n", "h", "-svc", "SQL Service").query().ports()).containsExactly(PortClaim.tcp(1433), PortClaim.udp(1434));
        assertThat(parse("-n", "h", "-svc", "domains").query().ports()).contains(PortClaim.tcp(135), PortClaim.udp(138));
    }

    @Test
    void localModes() {
        CliRequest w = parse("-wport", "8080", "-wt", "5", "-v", "-l", "x.log");
        assertThat(w.mode()).isEqualTo(CliRequest.Mode.WATCH_PORT);
        assertThat(w.watch().port()).isEqualTo(8080);
        assertThat(w.watch().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parse("-wpid", "1").watch().interval()).isEqualTo(CliRequest.WatchSettings.DEFAULT_INTERVAL);
        assertThat(parse("-LOCAL").mode()).isEqualTo(CliRequest.Mode.LOCAL);
    }

    @Test
    void interactiveNeedsNoTarget() {
        CliRequest r = parse("-i", "-e", "53", "-p", "udp");
        assertThat(r.mode()).isEqualTo(CliRequest.Mode.INTERACTIVE);
        assertThat(r.targetGiven()).isFalse();
        assertThat(r.query().ports()).containsExactly(new PortClaim(Protocol.UDP, 53));
    }

    @Test
    void helpWinsOverEverything() {
        assertThat(parse("-?").mode()).isEqualTo(CliRequest.Mode.HELP);
        assertThat(parse("-h", "-n", "x").mode()).isEqualTo(CliRequest.Mode.HELP);
    }

    @Test
    void quietImpliesOverwrite() {
        assertThat(parse("-n", "h", "-e", "80", "-q", "-l", "x.log").overwrite()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-n h -x                 | Unknown option",
            "-n                      | -n",
            "-n h -e                 | -e",
            "-n h -e 0               | -e port must be 1-65535, was 0",
            "-n h -e 65536           | -e port must be 1-65535",
            "-n h -e http            | -e port must be a number",
            "-n h -o 80,,81          | -o port",
            "-n h -r 9:2             | -r start must be below end",
            "-n h -r 9               | -r must be start:end",
            "-n h -e 80 -o 81        | exclude each other",
            "-n h -r 1:2 -q          | -q is only valid with -e",
            "-n h -q                 | -q is only valid with -e",
            "-n h -e 53 -p both -q   | -q cannot be combined with -p both",
            "-n h -p icmp            | -p must be tcp, udp or both",
            "-e 80                   | -n <name> is required",
            "-n h -sp 0              | -sp source port must be 1-65535",
            "-n h -cn public         | -cn value must be enclosed in !",
            "-n h -cn !open          | -cn value has no closing !",
            "-n h -wt 5              | -wt is only valid with -wport or -wpid",
            "-wport 80 -wt 0         | -wt seconds must be 1-1200",
            "-wport 80 -wt 1201      | -wt seconds must be 1-1200",
            "-local -wport 80        | -local, -wport and -wpid exclude each other",
            "-local -n h             | -n cannot be combined with local mode",
            "-n h -v                 | -v is only valid with -local",
            "-n h -svc nosuch        | -svc must be one of",
            "-n h -svc dns -p udp    | -p cannot be combined with -svc",
            "-n h -set nonsense      | -set must be name=value",
            "-n h -n h2              | should be specified only once",
            "-n h extra              | Unmatched argument",
            "-n h -ipv4 -ipv6        | -ipv4 and -ipv6 exclude each other",
    })
    void badCommandLinesAreUsageErrorsNamingTheArgument(String line, String message) {
        assertThatThrownBy(() -> parse(line.trim().split("\\s+")))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessageContaining(message.trim())
                .hasMessageNotContaining("\n");
    }
}
