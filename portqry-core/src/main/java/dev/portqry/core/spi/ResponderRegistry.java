package dev.portqry.core.spi;

import dev.portqry.core.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responders a {@link dev.portqry.core.PortProbe} may use, in a deterministic order
 * (priority, highest first, then name). Immutable and thread-safe.
 */
public final class ResponderRegistry {
    private static final Logger log = LoggerFactory.getLogger(ResponderRegistry.class);
    private static final Comparator<ProtocolResponder> ORDER =
            Comparator.comparingInt(ProtocolResponder::priority).reversed().thenComparing(ProtocolResponder::name);

    private final List<ProtocolResponder> responders;

    private ResponderRegistry(List<ProtocolResponder> responders) {
        this.responders = List.copyOf(responders);
    }

    /** @return a registry with no responders: every probe stops at the port state */
    public static ResponderRegistry empty() {
        return new ResponderRegistry(List.of());
    }

    /**
     * @return the responders on the class path of this library, found through {@link ServiceLoader}
     */
    public static ResponderRegistry loadDefault() {
        return builder().addServiceLoaded(ResponderRegistry.class.getClassLoader()).build();
    }

    /** @return a builder for a registry */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every responder, in selection order */
    public List<ProtocolResponder> responders() {
        return responders;
    }

    /**
     * @param name a responder's name, any case
     * @return the responder with that name
     */
    public Optional<ProtocolResponder> byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return responders.stream().filter(r -> r.name().equals(key)).findFirst();
    }

    /**
     * Chooses the responder for a port: first one that claims the port by default, else one
     * whose service names contain the port's name from the services file.
     *
     * @param protocol the transport
     * @param port the port
     * @param serviceName the port's service name from the services file, if any
     * @return the responder, or empty when none applies
     */
    public Optional<ProtocolResponder> select(Protocol protocol, int port, Optional<String> serviceName) {
        return select(protocol, port, serviceName, java.util.Set.of());
    }

    /**
     * As {@link #select(Protocol, int, Optional)}, never choosing a responder named in {@code excluded}.
     *
     * @param protocol the transport
     * @param port the port
     * @param serviceName the port's service name from the services file, if any
     * @param excluded responder names to pass over, lower case; not null
     * @return the responder, or empty when none applies
     */
    public Optional<ProtocolResponder> select(Protocol protocol, int port, Optional<String> serviceName,
                                              java.util.Set<String> excluded) {
        PortClaim claim = new PortClaim(protocol, port);
        for (ProtocolResponder r : responders) {
            if (excluded.contains(r.name())) {
                continue;
            }
            if (r.supports(protocol) && r.defaultPorts().contains(claim)) {
                return Optional.of(r);
            }
        }
        if (serviceName.isPresent()) {
            String name = serviceName.get().toLowerCase(Locale.ROOT);
            for (ProtocolResponder r : responders) {
                if (!excluded.contains(r.name()) && r.supports(protocol) && r.serviceNames().contains(name)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ResponderRegistry" + responders.stream().map(ProtocolResponder::name).toList();
    }

    /** Collects responders; a later one with the same name replaces an earlier one. */
    public static final class Builder {
        private final Map<String, ProtocolResponder> byName = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param responder a responder, not null
         * @return this builder
         */
        public Builder add(ProtocolResponder responder) {
            String name = Objects.requireNonNull(responder, "responder").name();
            if (name == null || name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("responder name must be non-blank lower case, was " + name);
            }
            ProtocolResponder previous = byName.put(name, responder);
            if (previous != null && previous != responder) {
                log.debug("responder {} ({}) replaces {}", name, responder.getClass().getName(), previous.getClass().getName());
            }
            return this;
        }

        /**
         * Adds every responder {@link ServiceLoader} finds through {@code loader}.
         *
         * @param loader the class loader to search, not null
         * @return this builder
         */
        public Builder addServiceLoaded(ClassLoader loader) {
            List<ProtocolResponder> found = new ArrayList<>();
            for (ProtocolResponder r : ServiceLoader.load(ProtocolResponder.class, loader)) {
                found.add(r);
            }
            found.sort(Comparator.comparing(ProtocolResponder::name));
            for (ProtocolResponder r : found) {
                log.debug("loaded responder {} ({})", r.name(), r.getClass().getName());
                add(r);
            }
            return this;
        }

        /**
         * @param name the name of a responder to drop
         * @return this builder
         */
        public Builder remove(String name) {
            byName.remove(name);
            return this;
        }

        /** @return the registry */
        public ResponderRegistry build() {
            List<ProtocolResponder> list = new ArrayList<>(byName.values());
            list.sort(ORDER);
            return new ResponderRegistry(list);
        }
    }
}
