package dev.portqry.core;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A target after name resolution.
 *
 * @param query the name or IP literal as given
 * @param literal whether {@code query} was an IP literal (then {@code addresses} is that one address)
 * @param addresses every address, filtered and ordered by the {@link IpPreference}; never empty, no null element
 * @param reverseName the name an IP literal resolved back to, when reverse lookup was asked and succeeded
 */
public record ResolvedTarget(String query, boolean literal, List<InetAddress> addresses, Optional<String> reverseName) {
    /** Copies and checks the fields. */
    public ResolvedTarget {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(addresses, "addresses");
        for (InetAddress a : addresses) {
            Objects.requireNonNull(a, "addresses must not hold null");
        }
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("addresses must not be empty");
        }
        Objects.requireNonNull(reverseName, "reverseName");
    }

    /** @return the address probed first */
    public InetAddress first() {
        return addresses.get(0);
    }

    /** @return the name to show and to give responders: the query when it was a name */
    public Optional<String> name() {
        return literal ? reverseName : Optional.of(query);
    }
}
