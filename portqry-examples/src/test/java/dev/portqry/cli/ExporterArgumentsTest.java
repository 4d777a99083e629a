package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.exporter.ExporterOptions;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExporterArgumentsTest {
    @TempDir
    Path dir;

    private static CliRequest parse(String... args) {
        return ArgumentParser.parse(List.of(args));
    }

    @Test
    void exporterWithoutPortUsesTheDefaultOnLoopback() {
        CliRequest r = parse("-exporter");
        assertThat(r.mode()).isEqualTo(CliRequest.Mode.EXPORTER);
        assertThat(r.exporter().port()).isEqualTo(ExporterOptions.DEFAULT_PORT);
        assertThat(r.exporter().address()).isEmpty();
        assertThat(r.exporter().config()).isEmpty();
    }

    @Test
    void exporterTakesAPortAnAddressAConfigAndTimingDefaults() throws Exception {
        Path cfg = Files.writeString(dir.resolve("x.yml"), "modules: {}\n");
        CliRequest r = parse("-EXPORTER", "0", "-exporteraddr", "[::1]", "-exporterconfig", cfg.toString(), "-tcpwait", "250");
        assertThat(r.exporter().port()).isZero();
        assertThat(r.exporter().address()).contains(InetAddress.getByName("::1"));
        assertThat(r.exporter().config()).contains(cfg);
        assertThat(r.query().options().tcpConnectTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-exporter 70000                  | -exporter port must be 0-65535, was 70000",
            "-exporter -n host                | -n cannot be combined with -exporter",
            "-exporter -ui                    | -ui cannot be combined with -exporter",
            "-exporter -json                  | -json cannot be combined with -exporter",
            "-exporter -exporteraddr myhost   | -exporteraddr must be an IP address",
            "-exporter -exporterconfig /nope  | -exporterconfig must name a readable file, was /nope",
            "-n host -exporteraddr 0.0.0.0    | -exporteraddr is only valid with -exporter",
            "-exporterconfig x.yml            | -exporterconfig is only valid with -exporter"})
    void badExporterCommandLinesNameTheArgument(String line, String message) {
        assertThatThrownBy(() -> parse(line.trim().split("\\s+")))
                .isInstanceOf(CliException.class).hasMessageContaining(message.trim());
    }

    @Test
    void aBadModulesFileStopsTheExporterWithFileLineAndField() throws Exception {
        Path cfg = Files.writeString(dir.resolve("bad.yml"), "modules:\n  m:\n    ports: [tcp/0]\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = new PortQry(new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true), null, false).run("-exporter", "0", "-exporterconfig", cfg.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(cfg + " line 3: modules.m.ports[0]: port must be 1-65535, was 0");
        assertThat(out.toString()).doesNotContain("serving");
    }
}
