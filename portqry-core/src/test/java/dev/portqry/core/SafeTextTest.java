package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void plainTextAndBackslashesPassUnchanged() {
        String s = "ncacn_np:\\\\DC1[\\pipe\\lsass] ü 漢字 \uD83D\uDE00";
        assertThat(SafeText.escape(s)).isSameAs(s);
        assertThat(SafeText.needsEscape(s)).isFalse();
    }

    @Test
    void lineBreaksCannotStartANewLine() {
        assertThat(SafeText.escape("3\r\nsupportedLDAPVersion: 3")).isEqualTo("3\\r\\nsupportedLDAPVersion: 3");
        assertThat(SafeText.escape("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
    }

    @Test
    void terminalControlsBecomeVisible() {
        assertThat(SafeText.escape("\u001b]0;title\u0007\u001b[2J\u0000\u007f\t"))
                .isEqualTo("\\x1b]0;title\\x07\\x1b[2J\\x00\\x7f\\t");
        assertThat(SafeText.escape("\u009b2J\u009d0;x")).isEqualTo("\\u009b2J\\u009d0;x");
    }

    @Test
    void bidiOverridesAndLoneSurrogatesBecomeVisible() {
        assertThat(SafeText.escape("a\u202eb\u2066c\u200fd\u061ce")).isEqualTo("a\\u202eb\\u2066c\\u200fd\\u061ce");
        assertThat(SafeText.escape("x\uD800y\uDC00")).isEqualTo("x\\ud800y\\udc00");
    }

    @Test
    void everyEscapedStringIsPrintableAscii() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        String out = SafeText.escape(all);
        assertThat(out.chars().filter(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))).isEmpty();
        assertThat(SafeText.needsEscape(out)).isFalse();
        assertThat(SafeText.escape(null)).isEqualTo("null");
    }
}
