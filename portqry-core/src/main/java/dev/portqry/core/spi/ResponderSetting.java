package dev.portqry.core.spi;

import java.util.Objects;

/**
 * A typed, named setting a responder reads from the probe options (like Netty's
 * {@code ChannelOption}), e.g. the SNMP community. Responder modules declare the constants;
 * callers set them with {@link dev.portqry.core.ProbeOptions.Builder#set(ResponderSetting, Object)}.
 * Two settings are equal when their names are.
 *
 * @param <T> the value type
 */
public final class ResponderSetting<T> {
    private final String name;
    private final Class<T> type;
    private final T defaultValue;

    private ResponderSetting(String name, Class<T> type, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
    }

    /**
     * @param name a dotted name, e.g. {@code snmp.community}; not null
     * @param type the value type; not null
     * @param defaultValue the value when none is set; not null
     * @param <T> the value type
     * @return the setting
     */
    public static <T> ResponderSetting<T> of(String name, Class<T> type, T defaultValue) {
        return new ResponderSetting<>(name, type, defaultValue);
    }

    /** @return the setting's name */
    public String name() {
        return name;
    }

    /** @return the value type */
    public Class<T> type() {
        return type;
    }

    /** @return the value used when none is set */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * @param value a candidate value
     * @return {@code value} cast to this setting's type
     * @throws IllegalArgumentException naming the setting when the value has another type
     */
    public T cast(Object value) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(name + " must be a " + type.getSimpleName() + ", was " + value);
        }
        return type.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponderSetting<?> s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
