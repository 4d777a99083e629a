package dev.portqry.ui;

import dev.portqry.core.SafeText;

/**
 * Request details (path, {@code Host}, {@code Origin}, ...) on their way into a log line: cut to
 * {@value #MAX_CHARS} characters, then escaped with {@link SafeText#escape(CharSequence)}, so a
 * client can neither forge a log line (CR, LF), drive the terminal (ESC, C1 controls) nor flood
 * the log with one long header.
 */
final class LogText {
    /** Most characters of one value that reach the log (before escaping). */
    static final int MAX_CHARS = 160;

    private LogText() {
    }

    /**
     * @param raw a value as the client sent it, may be null
     * @return the value, at most {@value #MAX_CHARS} characters of it followed by
     *     {@code …(N chars)} when longer, escaped; {@code "-"} for null
     */
    static String of(CharSequence raw) {
        if (raw == null) {
            return "-";
        }
        if (raw.length() <= MAX_CHARS) {
            return SafeText.escape(raw);
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--; // never cut a pair in two: half of it would show as an escape
        }
        return SafeText.escape(raw.subSequence(0, end)) + "…(" + raw.length() + " chars)";
    }
}
