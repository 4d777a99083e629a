package dev.portqry.core;

/**
 * The one escaping rule for text that came off the wire (or from a client's request) on its way
 * to a terminal, a log file or a log line. Typed results keep values raw; whoever renders them
 * passes each value through {@link #escape(CharSequence)} first.
 *
 * <p>What is escaped, and how it looks:
 * <ul>
 *   <li>C0 controls: {@code \t}, {@code \n}, {@code \r} as those two-character escapes; every
 *       other one (ESC, BEL, NUL, …) as {@code \xHH}.</li>
 *   <li>DEL as {@code \x7f}.</li>
 *   <li>C1 controls (U+0080–U+009F, which some terminals treat as CSI/OSC), the bidirectional
 *       overrides, embeddings, isolates and marks (U+061C, U+200E, U+200F, U+202A–U+202E,
 *       U+2066–U+2069), the line and paragraph separators (U+2028, U+2029) and lone surrogates
 *       as {@code \}{@code uXXXX}.</li>
 * </ul>
 * Everything else, backslashes included (Windows paths and RPC string bindings stay readable),
 * passes unchanged. So an escaped value never holds a line break and never moves the cursor: it
 * cannot forge a line of output.
 */
public final class SafeText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {
    }

    /**
     * Escapes a value for display.
     *
     * @param value the raw text, may be null
     * @return the text with every control, bidi override and separator made visible; {@code "null"}
     *     for null; the same instance when nothing needed escaping
     */
    public static String escape(CharSequence value) {
        if (value == null) {
            return "null";
        }
        int n = value.length();
        int i = 0;
        while (i < n && !needsEscape(value, i)) {
            i++;
        }
        if (i == n) {
            return value.toString();
        }
        StringBuilder b = new StringBuilder(n + 16).append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (!needsEscape(value, i)) {
                b.append(c);
                if (Character.isHighSurrogate(c)) {
                    b.append(value.charAt(++i));
                }
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x80) {
                b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return b.toString();
    }

    /**
     * Tells whether {@link #escape(CharSequence)} would change a value.
     *
     * @param value the raw text, may be null
     * @return true when the value holds anything that is escaped
     */
    public static boolean needsEscape(CharSequence value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (needsEscape(value, i)) {
                return true;
            }
            if (Character.isHighSurrogate(value.charAt(i))) {
                i++;
            }
        }
        return false;
    }

    private static boolean needsEscape(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return true;
        }
        if (c < 0x61c) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }
}
