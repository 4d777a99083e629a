package dev.portqry.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which responder a probe uses for step 2: the one the registry selects for the port
 * ({@link #AUTO}), the same but never some ({@link #autoExcept(String...)}), none
 * ({@link #NONE}), or one named explicitly ({@link #forced(String)}). A sealed type of four
 * records: {@link Auto}, {@link AutoExcept}, {@link None}, {@link Forced}.
 *
 * <pre>{@code
 * if (options.responderSelection() instanceof ResponderSelection.Forced f) {
 *     System.out.println("always " + f.name());
 * }
 * }</pre>
 */
public sealed interface ResponderSelection {
    /** The registry picks by well-known port, then by service name. */
    ResponderSelection AUTO = new Auto();
    /** Port state only, no protocol query. */
    ResponderSelection NONE = new None();

    /**
     * Selection by port and service name that never uses the named responders, e.g. PortQry's
     * range scans, which skip the endpoint-mapper dump.
     *
     * @param names responder names, any case; not null
     * @return the selection ({@link #AUTO} when no name is given)
     */
    static ResponderSelection autoExcept(String... names) {
        Set<String> set = new TreeSet<>();
        for (String n : names) {
            set.add(Objects.requireNonNull(n, "name").toLowerCase(Locale.ROOT));
        }
        return set.isEmpty() ? AUTO : new AutoExcept(Set.copyOf(set));
    }

    /**
     * @param name a responder name, e.g. {@code ldap}; not blank
     * @return a selection that always uses that responder
     */
    static ResponderSelection forced(String name) {
        return new Forced(name);
    }

    /** Select by port and service name: {@link #AUTO}. */
    record Auto() implements ResponderSelection {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /**
     * Select by port and service name, but never the excluded responders.
     *
     * @param excluded lower-case responder names, not empty
     */
    record AutoExcept(Set<String> excluded) implements ResponderSelection {
        /** @param excluded lower-case responder names, not null */
        public AutoExcept {
            excluded = Set.copyOf(excluded);
        }

        @Override
        public String toString() {
            return "autoExcept" + new TreeSet<>(excluded);
        }
    }

    /** No step 2: {@link #NONE}. */
    record None() implements ResponderSelection {
        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * Use the named responder whatever the port.
     *
     * @param name the responder name, lower-cased
     */
    record Forced(String name) implements ResponderSelection {
        /** @param name the responder name, any case; not blank */
        public Forced {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("responder name must not be blank");
            }
            name = name.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "forced(" + name + ")";
        }
    }
}
