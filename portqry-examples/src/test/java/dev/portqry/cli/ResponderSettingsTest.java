package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.l2tp.L2tpResponder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code -set name=value}: a value the setting's rule refuses is a usage error naming the setting. */
class ResponderSettingsTest {
    private static final ResponderSettings SETTINGS = new ResponderSettings(ResponderRegistry.loadDefault());

    @Test
    void aValueTheRuleRefusesIsAUsageError() {
        assertThatThrownBy(() -> SETTINGS.apply(ProbeOptions.builder().build(), Map.of("l2tp.hostName", "")))
                .isInstanceOf(CliException.class).hasMessageContaining("l2tp.hostName must be non-empty");
    }

    @Test
    void aGoodValueIsSet() {
        ProbeOptions o = SETTINGS.apply(ProbeOptions.builder().build(), Map.of("l2tp.hostName", "lns"));
        assertThat(o.setting(L2tpResponder.HOST_NAME)).isEqualTo("lns");
    }
}
