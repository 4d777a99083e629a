package dev.portqry.cli;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.core.spi.ResponderSetting;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds responder settings by name among the registered responders' {@link ProtocolResponder#settings()}
 * and applies typed-in values to probe options, so that the CLI never names a responder class.
 */
public final class ResponderSettings {
    private final Map<String, ResponderSetting<?>> byName = new LinkedHashMap<>();

    /** @param registry the responders whose settings are offered */
    public ResponderSettings(ResponderRegistry registry) {
        for (ProtocolResponder r : registry.responders()) {
            for (ResponderSetting<?> s : r.settings()) {
                byName.putIfAbsent(s.name(), s);
            }
        }
    }

    /**
     * @param name a setting name, e.g. {@code snmp.community}
     * @return the setting, when a registered responder declares it
     */
    public Optional<ResponderSetting<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Applies settings typed as text. {@code -cn}'s community is skipped silently when no
     * responder declares it (PortQry accepts {@code -cn} whatever the port); any other unknown
     * name is a usage error.
     *
     * @param options the options to extend
     * @param values setting name to value as typed
     * @return the options with the settings
     * @throws CliException {@link ExitCodes#USAGE} for an unknown name, a value of the wrong type or
     *     one the setting's rule refuses
     */
    public ProbeOptions apply(ProbeOptions options, Map<String, String> values) {
        ProbeOptions.Builder b = options.toBuilder();
        values.forEach((name, text) -> {
            Optional<ResponderSetting<?>> s = find(name);
            if (s.isEmpty()) {
                if (name.equals(ArgumentParser.COMMUNITY_SETTING)) {
                    return;
                }
                throw CliException.usage("-set " + name + ": no responder declares this setting; known: " + byName.keySet());
            }
            set(b, s.get(), text);
        });
        return b.build();
    }

    private static <T> void set(ProbeOptions.Builder b, ResponderSetting<T> s, String text) {
        Object value = convert(s, text);
        try {
            b.set(s, s.cast(value));
        } catch (IllegalArgumentException e) {
            // The setting's own rule (an empty l2tp.hostName): its message names the setting.
            throw CliException.usage(e.getMessage());
        }
    }

    private static Object convert(ResponderSetting<?> s, String text) {
        Class<?> t = s.type();
        try {
            if (t == String.class) {
                return text;
            } else if (t == Integer.class) {
                return Integer.valueOf(text.trim());
            } else if (t == Long.class) {
                return Long.valueOf(text.trim());
            } else if (t == Boolean.class) {
                String v = text.trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("not true or false");
                }
                return Boolean.valueOf(v);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(s.name() + " must be a " + t.getSimpleName() + ", was '" + text + "'");
        }
        throw CliException.usage(s.name() + " has type " + t.getSimpleName() + ", which cannot be typed on the command line");
    }
}
