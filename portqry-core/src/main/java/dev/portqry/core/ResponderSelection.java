package dev.portqry.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which responder a probe uses for step 2: the one the registry selects for the port
 * ({@link #AUTO}), none ({@link #NONE}), or one named explicitly ({@link #forced(String)}).
 */
public final class ResponderSelection {
    /** The registry picks by well-known port, then by service name. */
    public static final ResponderSelection AUTO = new ResponderSelection(Mode.AUTO, null);
    /** Port state only, no protocol query. */
    public static final ResponderSelection NONE = new ResponderSelection(Mode.NONE, null);

    /** The modes. */
    public enum Mode {
        /** Select by port and service name. */
        AUTO,
        /** Select by port and service name, but never the excluded responders. */
        AUTO_EXCEPT,
        /** No step 2. */
        NONE,
        /** Use the named responder whatever the port. */
        FORCED
    }

    private final Mode mode;
    private final String name;
    private final Set<String> excluded;

    private ResponderSelection(Mode mode, String name) {
        this(mode, name, Set.of());
    }

    private ResponderSelection(Mode mode, String name, Set<String> excluded) {
        this.mode = mode;
        this.name = name;
        this.excluded = excluded;
    }

    /**
     * Selection by port and service name that never uses the named responders, e.g. PortQry's
     * range scans, which skip the endpoint-mapper dump.
     *
     * @param names responder names, any case; not null
     * @return the selection
     */
    public static ResponderSelection autoExcept(String... names) {
        Set<String> set = new java.util.TreeSet<>();
        for (String n : names) {
            set.add(Objects.requireNonNull(n, "name").toLowerCase(Locale.ROOT));
        }
        return set.isEmpty() ? AUTO : new ResponderSelection(Mode.AUTO_EXCEPT, null, Set.copyOf(set));
    }

    /** @return the responders {@link Mode#AUTO_EXCEPT} never uses; empty otherwise */
    public Set<String> excluded() {
        return excluded;
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
        return o instanceof ResponderSelection s && s.mode == mode && Objects.equals(s.name, name)
                && s.excluded.equals(excluded);
    }

    @Override
    public int hashCode() {
        return (mode.hashCode() * 31 + Objects.hashCode(name)) * 31 + excluded.hashCode();
    }

    @Override
    public String toString() {
        return switch (mode) {
            case FORCED -> "forced(" + name + ")";
            case AUTO_EXCEPT -> "autoExcept" + excluded;
            default -> mode.name().toLowerCase(Locale.ROOT);
        };
    }
}
