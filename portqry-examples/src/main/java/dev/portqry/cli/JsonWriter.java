package dev.portqry.cli;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes Java values as compact JSON (RFC 8259), walking records by their components so that any
 * responder's result becomes JSON without the CLI knowing its type. Mapping: records and maps to
 * objects (keys in declaration or iteration order), collections and arrays to arrays, {@code byte[]}
 * to a lower-case hex string, {@link Optional} to its value or null, enums to their name, numbers
 * and booleans as such, {@link InetAddress} to its address text, {@link Duration} to milliseconds,
 * dates and times to ISO-8601 text, anything else to its {@code toString()}.
 */
public final class JsonWriter {
    /** Deeper structures are cut off as {@code "..."}: results are shallow; this guards against cycles. */
    private static final int MAX_DEPTH = 32;

    private JsonWriter() {
    }

    /**
     * @param value a value as mapped above, may be null
     * @return its JSON text on one line
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value, 0);
        return sb.toString();
    }

    private static void value(StringBuilder sb, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            string(sb, "...");
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            sb.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                sb.append(v);
            } else {
                string(sb, v.toString());
            }
        } else if (v instanceof byte[] bytes) {
            string(sb, HexFormat.of().formatHex(bytes));
        } else if (v instanceof Optional<?> o) {
            value(sb, o.orElse(null), depth);
        } else if (v instanceof OptionalInt o) {
            value(sb, o.isPresent() ? o.getAsInt() : null, depth);
        } else if (v instanceof OptionalLong o) {
            value(sb, o.isPresent() ? o.getAsLong() : null, depth);
        } else if (v instanceof Enum<?> e) {
            string(sb, e.name());
        } else if (v instanceof InetAddress a) {
            string(sb, a.getHostAddress());
        } else if (v instanceof Duration d) {
            sb.append(d.toMillis());
        } else if (v instanceof TemporalAccessor) {
            string(sb, v.toString());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                first = comma(sb, first);
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                value(sb, e.getValue(), depth + 1);
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object e : c) {
                first = comma(sb, first);
                value(sb, e, depth + 1);
            }
            sb.append(']');
        } else if (v.getClass().isArray()) {
            sb.append('[');
            for (int i = 0; i < Array.getLength(v); i++) {
                comma(sb, i == 0);
                value(sb, Array.get(v, i), depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Record r) {
            record(sb, r, depth);
        } else {
            string(sb, v.toString());
        }
    }

    private static void record(StringBuilder sb, Record r, int depth) {
        sb.append('{');
        boolean first = true;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            first = comma(sb, first);
            string(sb, c.getName());
            sb.append(':');
            value(sb, component(r, c), depth + 1);
        }
        sb.append('}');
    }

    private static Object component(Record r, RecordComponent c) {
        Method m = c.getAccessor();
        try {
            if (!m.canAccess(r)) {
                // Records nested in non-public classes: their accessors are public but the class is not.
                m.setAccessible(true);
            }
            return m.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "<" + c.getName() + " unreadable: " + e + ">";
        }
    }

    private static boolean comma(StringBuilder sb, boolean first) {
        if (!first) {
            sb.append(',');
        }
        return false;
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
