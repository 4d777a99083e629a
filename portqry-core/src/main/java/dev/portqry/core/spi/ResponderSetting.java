package dev.portqry.core.spi;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A typed, named setting a responder reads from the probe options (like Netty's
 * {@code ChannelOption}), e.g. the SNMP community. Responder modules declare the constants;
 * callers set them with {@link dev.portqry.core.ProbeOptions.Builder#set(ResponderSetting, Object)}.
 * A setting may carry a rule its values must keep (the L2TP host name must not be empty), so
 * that a bad value fails when the options are built, naming the setting, rather than as a
 * failed probe later. Two settings are equal when their names are.
 *
 * @param <T> the value type
 */
public final class ResponderSetting<T> {
    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final Predicate<? super T> rule;
    private final String requirement;

    private ResponderSetting(String name, Class<T> type, T defaultValue, Predicate<? super T> rule, String requirement) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.requirement = Objects.requireNonNull(requirement, "requirement");
        this.defaultValue = cast(Objects.requireNonNull(defaultValue, "defaultValue"));
    }

    /**
     * @param name a dotted name, e.g. {@code snmp.community}; not null
     * @param type the value type; not null
     * @param defaultValue the value when none is set; not null
     * @param <T> the value type
     * @return the setting
     */
    public static <T> ResponderSetting<T> of(String name, Class<T> type, T defaultValue) {
        return new ResponderSetting<>(name, type, defaultValue, v -> true, "any value");
    }

    /**
     * A setting whose values must keep a rule, checked whenever a value is set
     * ({@link dev.portqry.core.ProbeOptions.Builder#set(ResponderSetting, Object)}).
     *
     * @param name a dotted name, e.g. {@code l2tp.hostName}; not null
     * @param type the value type; not null
     * @param defaultValue the value when none is set; not null, and must keep the rule
     * @param rule what a valid value satisfies; not null
     * @param requirement the rule in words, completing "{@code <name> must be ...}", e.g. {@code "non-empty"}; not null
     * @param <T> the value type
     * @return the setting
     * @throws IllegalArgumentException when the default breaks the rule
     */
    public static <T> ResponderSetting<T> of(String name, Class<T> type, T defaultValue, Predicate<? super T> rule, String requirement) {
        return new ResponderSetting<>(name, type, defaultValue, rule, requirement);
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
     * @throws IllegalArgumentException naming the setting when the value has another type or
     *     breaks the setting's rule
     */
    public T cast(Object value) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(name + " must be a " + type.getSimpleName() + ", was " + value);
        }
        T v = type.cast(value);
        if (!rule.test(v)) {
            throw new IllegalArgumentException(name + " must be " + requirement + ", was \"" + v + "\"");
        }
        return v;
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
