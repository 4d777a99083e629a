package dev.portqry.protocols.ad;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A domain controller found through SRV records, with its addresses from A and AAAA queries.
 *
 * @param hostName the SRV target, without the trailing dot (raw wire text: escape to print)
 * @param roles the records that named it
 * @param addresses IPv4 addresses first, then IPv6, in the server's order; empty when none resolved
 * @param addressProblem why no address resolved, empty when some did
 */
public record DomainController(String hostName, Set<DcRole> roles, List<InetAddress> addresses, String addressProblem) {
    /** Checks and copies. */
    public DomainController {
        Objects.requireNonNull(hostName, "hostName");
        roles = Set.copyOf(roles);
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(addressProblem, "addressProblem");
    }
}
