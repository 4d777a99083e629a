package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortListsTest {
    @Test
    void portsAndRangesKeepsOrderExpandsRangesAndDropsRepeats() {
        assertThat(PortLists.portsAndRanges("TCP ports", " 135, 1024-1027 ,80,135,7-7"))
                .containsExactly(135, 1024, 1025, 1026, 1027, 80, 7);
    }

    @Test
    void portsAndRangesNamesTheFieldAndTheBadItem() {
        assertThatThrownBy(() -> PortLists.portsAndRanges("UDP ports", "9-2"))
                .isInstanceOf(CliException.class).hasMessage("UDP ports range start must not be above its end, was 9-2");
        assertThatThrownBy(() -> PortLists.portsAndRanges("UDP ports", "70000"))
                .hasMessage("UDP ports port must be 1-65535, was 70000");
        assertThatThrownBy(() -> PortLists.portsAndRanges("UDP ports", "80,,443"))
                .hasMessageContaining("empty item");
        assertThatThrownBy(() -> PortLists.portsAndRanges("UDP ports", "1-x"))
                .hasMessageContaining("must be a number 1-65535, was 'x'");
        assertThatThrownBy(() -> PortLists.portsAndRanges("UDP ports", "-5"))
                .hasMessage("UDP ports port must be 1-65535, was -5");
    }
}
