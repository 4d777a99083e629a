package dev.portqry.exporter;

import dev.portqry.core.PortState;
import dev.portqry.core.Protocol;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One port a {@link ProbeModule} probes.
 *
 * @param protocol TCP or UDP, not null
 * @param port 1-65535
 * @param required whether {@code probe_success} needs this port in its expected state
 * @param expected the state that counts as healthy, normally {@link PortState#LISTENING}
 * @param expectation a health-check expectation in its one-token form (e.g.
 *        {@code ldap-attribute=dnsHostName}, {@code cert-days-left=30}), judged when the port
 *        listens; empty for none
 */
public record ModulePort(Protocol protocol, int port, boolean required, PortState expected, Optional<String> expectation) {
    /** Checks every field, naming the one that is wrong. */
    public ModulePort {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(expectation, "expectation");
        if (expectation.isPresent() && expected != PortState.LISTENING) {
            throw new IllegalArgumentException("an expectation needs expected state LISTENING, was " + expected);
        }
    }

    /**
     * @param protocol TCP or UDP
     * @param port 1-65535
     * @param required see the record
     * @return a port expected LISTENING, without an expectation
     */
    public static ModulePort of(Protocol protocol, int port, boolean required) {
        return new ModulePort(protocol, port, required, PortState.LISTENING, Optional.empty());
    }

    /**
     * Parses {@code tcp/389} or {@code udp/53}.
     *
     * @param text the port, not null
     * @param required see the record
     * @return the port, expected LISTENING
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static ModulePort parse(String text, boolean required) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("port must look like tcp/389 or udp/53, was " + text);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must look like tcp/389 or udp/53, was " + text, e);
        }
        return of(Protocol.parse(t.substring(0, slash)), port, required);
    }

    /** @return this port with another expectation token */
    ModulePort withExpectation(String token) {
        return new ModulePort(protocol, port, required, expected, Optional.of(token));
    }

    /** @return {@code tcp/389} */
    public String key() {
        return protocol.name().toLowerCase(Locale.ROOT) + "/" + port;
    }
}
