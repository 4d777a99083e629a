package dev.portqry.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Builds an instance of any result record by reflection with a hostile string in every text
 * field, recursively: nested records, lists, sets, maps and optionals get one hostile element,
 * sealed interfaces the permitted subtype chosen by the variant, open value types (classes with
 * public constants, e.g. Netty's {@code DnsRecordType}) their first constant. A record whose
 * constructor refuses a value gets other numbers, then plain text in the offending string
 * fields, one at a time, so validation cannot make a type untestable.
 */
final class HostileValues {
    /**
     * Every kind of byte that must not reach a terminal raw: CSI and OSC sequences (screen clear,
     * title), BEL, NUL, TAB, DEL, CR and LF followed by forged PortQry lines, C1 controls (CSI,
     * OSC, NEL), a bidi override, the Unicode line and paragraph separators and a lone surrogate.
     */
    static final String HOSTILE = "h\u001b[2J\u001b[H\u0007\u001b]0;pwned\u0007\r\nUDP port 161 is NOT LISTENING"
            + "\rsupportedLDAPVersion: 3\n\u009b31m\u009d0;t\u0085\u007f\u202eevil\u2028\u2029\u0000\t\ud800end";
    /** The lines a hostile value tries to forge. */
    static final List<String> FORGED = List.of("UDP port 161 is NOT LISTENING", "supportedLDAPVersion: 3");
    private static final String PLAIN = "a";
    private static final int[] NUMBERS = {1, 200, 0, 4, 16, 6};

    private final int variant;

    /** @param variant which permitted subtype each sealed interface gets (modulo their count) */
    HostileValues(int variant) {
        this.variant = variant;
    }

    /**
     * @param type the class to build
     * @return an instance full of hostile strings
     */
    <T> T instance(Class<T> type) {
        return type.cast(value(type, type, 0));
    }

    private Object value(Class<?> raw, Type generic, int depth) {
        if (depth > 12) {
            throw new IllegalStateException("nested too deep at " + raw);
        }
        if (raw == String.class || raw == CharSequence.class) {
            return HOSTILE;
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == short.class || raw == Short.class) {
            return (short) 1;
        }
        if (raw == byte.class || raw == Byte.class) {
            return (byte) 1;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == double.class || raw == Double.class) {
            return 1.0;
        }
        if (raw == byte[].class) {
            return new byte[] {0x1b, '\r', '\n', (byte) 0x9b};
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-12-02T10:00:00Z");
        }
        if (raw == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (raw == BigInteger.class) {
            return BigInteger.ONE;
        }
        if (raw == UUID.class) {
            return UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa");
        }
        if (InetAddress.class.isAssignableFrom(raw)) {
            return InetAddress.getLoopbackAddress();
        }
        if (raw == OptionalInt.class) {
            return OptionalInt.of(1);
        }
        if (raw == OptionalLong.class) {
            return OptionalLong.of(1);
        }
        if (raw == Optional.class) {
            return Optional.of(element(generic, 0, depth));
        }
        if (raw == List.class || raw == java.util.Collection.class) {
            return List.of(element(generic, 0, depth));
        }
        if (raw == Set.class) {
            return Set.of(element(generic, 0, depth));
        }
        if (raw == Map.class) {
            Map<Object, Object> m = new LinkedHashMap<>();
            m.put(element(generic, 0, depth), element(generic, 1, depth));
            return m;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isSealed()) {
            Class<?>[] permitted = raw.getPermittedSubclasses();
            Class<?> pick = permitted[variant % permitted.length];
            return value(pick, pick, depth + 1);
        }
        if (raw.isRecord()) {
            return record(raw, depth);
        }
        return constant(raw);
    }

    private Object element(Type generic, int index, int depth) {
        Type t = ((ParameterizedType) generic).getActualTypeArguments()[index];
        Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
        return value(raw, t, depth + 1);
    }

    private Object record(Class<?> type, int depth) {
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            args[i] = value(types[i], rc[i].getGenericType(), depth + 1);
        }
        Constructor<?> c;
        try {
            c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
        RuntimeException last = null;
        for (int n : NUMBERS) {
            Object[] tryArgs = args.clone();
            for (int i = 0; i < rc.length; i++) {
                if (types[i] == int.class) {
                    tryArgs[i] = n;
                }
            }
            try {
                return construct(c, tryArgs);
            } catch (RuntimeException e) {
                last = e;
            }
            // A value that must start a certain way (a RESP reply's '-') gets the hostile text after
            // it; plain text only where the constructor refuses both (a request's own file name, say).
            for (int i = 0; i < rc.length; i++) {
                if (types[i] == String.class) {
                    for (String s : new String[] {"-" + HOSTILE, PLAIN}) {
                        tryArgs[i] = s;
                        try {
                            return construct(c, tryArgs);
                        } catch (RuntimeException e) {
                            last = e;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("cannot build " + type.getName(), last);
    }

    private static Object construct(Constructor<?> c, Object[] args) {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An open value type (Netty's {@code DnsRecordType}, a code table): its first public constant. */
    private static Object constant(Class<?> type) {
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                try {
                    return f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no way to build a " + type.getName());
    }
}
