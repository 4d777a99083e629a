package dev.portqry.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProbeOptions;
import org.junit.jupiter.api.Test;

/** A setting's type and rule are checked when a value is set, so bad options never reach a probe. */
class ResponderSettingTest {
    private static final ResponderSetting<String> HOST =
            ResponderSetting.of("demo.host", String.class, "portqry", h -> !h.isEmpty(), "non-empty");
    private static final ResponderSetting<Integer> ANY = ResponderSetting.of("demo.any", Integer.class, 7);

    @Test
    void aValueBreakingTheRuleFailsAtBuildTimeNamingTheSetting() {
        assertThatThrownBy(() -> ProbeOptions.builder().set(HOST, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("demo.host must be non-empty, was \"\"");
    }

    @Test
    void aValueKeepingTheRuleIsKept() {
        assertThat(ProbeOptions.builder().set(HOST, "lns1").build().setting(HOST)).isEqualTo("lns1");
        assertThat(ProbeOptions.builder().build().setting(HOST)).isEqualTo("portqry");
        assertThat(ProbeOptions.builder().set(ANY, -1).build().setting(ANY)).isEqualTo(-1);
    }

    @Test
    void aValueOfAnotherTypeFailsNamingTheSetting() {
        assertThatThrownBy(() -> HOST.cast(42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo.host must be a String, was 42");
    }

    @Test
    void aDefaultBreakingItsOwnRuleIsRefused() {
        assertThatThrownBy(() -> ResponderSetting.of("demo.bad", String.class, "", h -> !h.isEmpty(), "non-empty"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("demo.bad must be non-empty, was \"\"");
    }
}
