package dev.portqry.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which responder a probe uses for step 2: the one the registry selects for the port
 * ({@link #AUTO}), none ({@link #NONE}), or one named explicitly ({@link #forced(String)}).
 */
public final class ResponderSelection {
    /** The registry picks by well-known port, then by service name. */
    public static final ResponderSelection AUTO = new ResponderSelection(Mode.AUTO, null);
    /** Port state only, no protocol query. */
    public static final ResponderSelection NONE = new ResponderSelection(Mode.NONE, null);

    /** The three modes. */
    public enum Mode {
        /** Select by port and service name. */
        AUTO,
        /** No step 2. */
        NONE,
        /** Use the named responder whatever the port. */
        FORCED
    }

    private final Mode mode;
    private final String name;

    private ResponderSelection(Mode mode, String name) {
        this.mode = mode;
        this.name = name;
    }

    /**
     * @param name a responder name, e.g. {@code ldap}; not blank
     * @return a selection that always uses that responder
     */
    public static ResponderSelection forced(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("responder name must not be blank");
        }
        return new ResponderSelection(Mode.FORCED, name.toLowerCase(Locale.ROOT));
    }

    /** @return the mode */
    public Mode mode() {
        return mode;
    }

    /** @return the forced responder's name, present only in {@link Mode#FORCED} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponderSelection s && s.mode == mode && Objects.equals(s.name, name);
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return mode == Mode.FORCED ? "forced(" + name + ")" : mode.name().toLowerCase(Locale.ROOT);
    }
}
