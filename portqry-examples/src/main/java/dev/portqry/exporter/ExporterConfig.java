package dev.portqry.exporter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the exporter serves: its modules (the {@linkplain BuiltinModules built-in ones} plus
 * those of a config file), the targets it may probe and its limits. Immutable; read a file with
 * {@link ExporterConfigLoader}.
 *
 * @param modules the modules by name, in index-page order; not empty
 * @param allowList the targets {@code /probe} may name
 * @param maxConcurrentProbes probes running at once before {@code /probe} answers 429, 1-4096
 * @param maxConnections open HTTP connections before a new one gets 503, 1-65536
 */
public record ExporterConfig(Map<String, ProbeModule> modules, TargetAllowList allowList, int maxConcurrentProbes,
                             int maxConnections) {
    /** Probes at once by default: a Prometheus scraping a few dozen targets never meets it. */
    public static final int DEFAULT_MAX_CONCURRENT_PROBES = 32;
    /** Connections at once by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    /** Copies and checks the fields, naming the one that is wrong. */
    public ExporterConfig {
        modules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("modules must not be empty");
        }
        Objects.requireNonNull(allowList, "allowList");
        if (maxConcurrentProbes < 1 || maxConcurrentProbes > 4096) {
            throw new IllegalArgumentException("max_concurrent_probes must be 1-4096, was " + maxConcurrentProbes);
        }
        if (maxConnections < 1 || maxConnections > 65536) {
            throw new IllegalArgumentException("max_connections must be 1-65536, was " + maxConnections);
        }
    }

    /** @return the built-in modules, loopback targets only, default limits */
    public static ExporterConfig defaults() {
        return new ExporterConfig(BuiltinModules.modules(), TargetAllowList.LOOPBACK_ONLY, DEFAULT_MAX_CONCURRENT_PROBES,
                DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * @param name a module name, not null
     * @return the module, empty when there is none of that name
     */
    public Optional<ProbeModule> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    /**
     * @param allow the new allow-list, not null
     * @return this configuration with another allow-list
     */
    public ExporterConfig withAllowList(TargetAllowList allow) {
        return new ExporterConfig(modules, allow, maxConcurrentProbes, maxConnections);
    }

    /**
     * @param probes the new cap on concurrent probes
     * @param connections the new cap on connections
     * @return this configuration with other limits
     */
    public ExporterConfig withLimits(int probes, int connections) {
        return new ExporterConfig(modules, allowList, probes, connections);
    }
}
