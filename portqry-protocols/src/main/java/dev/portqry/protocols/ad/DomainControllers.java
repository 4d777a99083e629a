package dev.portqry.protocols.ad;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What discovery found: every SRV question asked and the controllers named, in the order first
 * named (LDAP records by priority and weight first).
 *
 * @param domain the DNS domain asked about
 * @param forest the forest root asked for {@code _gc._tcp}
 * @param site the site of the site-specific records, empty for the domain-wide ones
 * @param dnsServer the server asked
 * @param queries every SRV question, in asking order
 * @param controllers the controllers, empty when no SRV record came back
 */
public record DomainControllers(String domain, String forest, Optional<String> site, InetSocketAddress dnsServer,
                                List<SrvQuery> queries, List<DomainController> controllers) {
    /** Checks and copies. */
    public DomainControllers {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(forest, "forest");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(dnsServer, "dnsServer");
        queries = List.copyOf(queries);
        controllers = List.copyOf(controllers);
    }

    /** @return true when the DNS server answered none of the questions (every one timed out or failed to send) */
    public boolean serverSilent() {
        return !queries.isEmpty() && queries.stream().allMatch(q -> q.outcome() == SrvQuery.Outcome.NO_ANSWER
                || q.outcome() == SrvQuery.Outcome.FAILED);
    }

    /**
     * @return why discovery found nothing, naming each record asked and the server; empty when
     *     controllers were found. Raw wire text may appear: escape it before printing.
     */
    public Optional<String> problem() {
        if (!controllers.isEmpty()) {
            return Optional.empty();
        }
        String server = dnsServer.getAddress().getHostAddress() + " port " + dnsServer.getPort();
        if (serverSilent()) {
            return Optional.of("DNS server " + server + " did not answer ("
                    + String.join("; ", queries.stream().map(q -> q.name() + ": " + q.detail()).toList()) + ")");
        }
        return Optional.of("no SRV records for domain " + domain + " at DNS server " + server + " ("
                + String.join("; ", queries.stream().map(q -> q.name() + ": " + q.detail()).toList()) + ")");
    }
}
