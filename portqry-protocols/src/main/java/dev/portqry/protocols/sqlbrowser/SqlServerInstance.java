package dev.portqry.protocols.sqlbrowser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One instance in a SQL Server Browser response (MC-SQLR 2.2.5): its {@code key;value} pairs
 * in the order sent, e.g. ServerName, InstanceName, IsClustered, Version, tcp, np, and any
 * other key (via, rpc, spx, adsp, bv...). Immutable.
 *
 * @param properties the pairs, in order; keys are unique (the first value of a repeated key is kept)
 */
public record SqlServerInstance(Map<String, String> properties) {
    /** Copies the map, keeping its order. */
    public SqlServerInstance {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @param key a key as sent, e.g. {@code tcp}
     * @return its value
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** @return the host name, empty string when absent */
    public String serverName() {
        return properties.getOrDefault("ServerName", "");
    }

    /** @return the instance name, e.g. {@code MSSQLSERVER}; empty string when absent */
    public String instanceName() {
        return properties.getOrDefault("InstanceName", "");
    }

    /** @return whether IsClustered says {@code Yes} */
    public boolean isClustered() {
        return "Yes".equalsIgnoreCase(properties.get("IsClustered"));
    }

    /** @return the version string, e.g. {@code 15.0.2000.5}; empty string when absent */
    public String version() {
        return properties.getOrDefault("Version", "");
    }

    /** @return the TCP port, when the instance listens on TCP and the value is a port number */
    public OptionalInt tcpPort() {
        String v = properties.get("tcp");
        if (v == null || !v.matches("\\d{1,5}") || Integer.parseInt(v) > 65535) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(v));
    }

    /** @return the named pipe, e.g. {@code \\SQL1\pipe\sql\query} */
    public Optional<String> namedPipe() {
        return get("np");
    }

    @Override
    public String toString() {
        return "SqlServerInstance" + properties;
    }
}
