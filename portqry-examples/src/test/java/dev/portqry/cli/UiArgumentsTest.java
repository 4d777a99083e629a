package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.ui.UiOptions;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UiArgumentsTest {
    private static CliRequest parse(String... args) {
        return ArgumentParser.parse(List.of(args));
    }

    @Test
    void uiWithoutPortUsesTheDefaultOnLoopback() {
        CliRequest r = parse("-ui");
        assertThat(r.mode()).isEqualTo(CliRequest.Mode.UI);
        assertThat(r.ui().port()).isEqualTo(UiOptions.DEFAULT_PORT);
        assertThat(r.ui().address()).isEmpty();
    }

    @Test
    void uiTakesAPortAnAddressAndTimingDefaults() throws Exception {
        CliRequest r = parse("-UI", "0", "-uiaddr", "[::1]", "-tcpwait", "250", "-parallel", "8");
        assertThat(r.ui().port()).isZero();
        assertThat(r.ui().address()).contains(InetAddress.getByName("::1"));
        assertThat(r.query().options().tcpConnectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(r.query().parallel()).isEqualTo(8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-ui 70000                 | -ui port must be 0-65535, was 70000",
            "-ui -n host               | -n cannot be combined with -ui",
            "-ui -json                 | -json cannot be combined with -ui",
            "-ui -uiaddr myhost        | -uiaddr must be an IP address",
            "-n host -uiaddr 0.0.0.0   | -uiaddr is only valid with -ui"})
    void badUiCommandLinesNameTheArgument(String line, String message) {
        assertThatThrownBy(() -> parse(line.trim().split("\\s+")))
                .isInstanceOf(CliException.class).hasMessageContaining(message.trim());
    }
}
