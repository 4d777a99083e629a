package dev.portqry.protocols.ad;

import java.util.Objects;

/**
 * One DNS SRV record (RFC 2782) as the server returned it. Names are raw wire text: escape them
 * before printing.
 *
 * @param owner the record's owner name, e.g. {@code _ldap._tcp.dc._msdcs.corp.example.test}
 * @param priority lower is preferred, 0-65535
 * @param weight relative weight among equal priorities, 0-65535
 * @param port the service's port, 0-65535
 * @param target the host offering the service, without the trailing dot
 */
public record SrvRecord(String owner, int priority, int weight, int port, String target) {
    /** Checks the fields. */
    public SrvRecord {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(target, "target");
        check("priority", priority);
        check("weight", weight);
        check("port", port);
    }

    private static void check(String name, int v) {
        if (v < 0 || v > 65535) {
            throw new IllegalArgumentException(name + " must be 0-65535, was " + v);
        }
    }
}
