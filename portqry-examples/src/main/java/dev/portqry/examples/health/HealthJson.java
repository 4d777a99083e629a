package dev.portqry.examples.health;

/**
 * Writes a {@link HealthReport} as JSON (RFC 8259) by hand: the format is five fields per
 * check, too small to justify a JSON library in an example. Times are ISO-8601 UTC strings,
 * {@code elapsedMillis} a number, a check that has not run has {@code "checkedAt": null}.
 *
 * <pre>{@code
 * {"status":"UP","checks":[{"name":"dc1-ldap","status":"UP","reason":"TCP port 389 LISTENING; ...",
 *   "elapsedMillis":12,"checkedAt":"2026-01-01T00:00:00Z","lastChange":"2026-01-01T00:00:00Z"}]}
 * }</pre>
 */
public final class HealthJson {
    private HealthJson() {
    }

    /**
     * @param report the report, not null
     * @return the JSON text, one line
     */
    public static String write(HealthReport report) {
        StringBuilder sb = new StringBuilder(128 + 256 * report.checks().size());
        sb.append("{\"status\":");
        string(sb, report.state().name());
        sb.append(",\"checks\":[");
        for (int i = 0; i < report.checks().size(); i++) {
            CheckReport c = report.checks().get(i);
            sb.append(i == 0 ? "{" : ",{");
            sb.append("\"name\":");
            string(sb, c.name());
            sb.append(",\"status\":");
            string(sb, c.state().name());
            sb.append(",\"reason\":");
            string(sb, c.reason());
            sb.append(",\"elapsedMillis\":").append(c.elapsed().toMillis());
            sb.append(",\"checkedAt\":");
            if (c.checkedAt().isPresent()) {
                string(sb, c.checkedAt().get().toString());
            } else {
                sb.append("null");
            }
            sb.append(",\"lastChange\":");
            string(sb, c.lastChange().toString());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /** Appends a JSON string: quotes, backslash and control characters escaped (RFC 8259 section 7). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
