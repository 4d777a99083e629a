package dev.portqry.cli;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.PortClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PortQryUI's eight predefined services and PortQry's interactive query shortcuts, for the CLI
 * and any other front end. SQL Service and Domains and Trusts are PortQryUI's documented lists;
 * the other six are built from each service's documented ports (see CLI.md).
 */
public final class PredefinedServices {
    private static final List<PredefinedService> SERVICES = List.of(
            new PredefinedService("Domains and Trusts", "domains", concat(
                    tcp(135, 389, 636, 3268, 3269, 445, 139, 42), both(53, 88), udp(389, 137, 138))),
            new PredefinedService("DNS Queries", "dns", both(53)),
            // NetBIOS name and datagram services, session service, and SMB over TCP that replaces it.
            new PredefinedService("NetBIOS communication", "netbios", concat(udp(137, 138), tcp(139, 445))),
            // IKE and IKE over NAT-T; ESP and AH are IP protocols 50 and 51, not ports.
            new PredefinedService("IPSEC", "ipsec", udp(500, 4500)),
            new PredefinedService("SQL Service", "sql", concat(tcp(1433), udp(1434))),
            new PredefinedService("WEB Service", "web", tcp(80, 443)),
            // Exchange 2003-era ports: SMTP, X.400 MTA, POP3, NNTP, RPC, IMAP4, HTTPS, NNTPS, LSA, IMAPS, POP3S.
            new PredefinedService("Exchange Server", "exchange", tcp(25, 80, 102, 110, 119, 135, 143, 443, 563, 691, 993, 995)),
            // NetMeeting: ILS, ULS, T.120, H.323 call setup, audio call control; and Remote Desktop.
            new PredefinedService("Netmeeting and other services", "netmeeting", tcp(389, 522, 1503, 1720, 1731, 3389)));

    private static final List<PredefinedService> SHORTCUTS = List.of(
            new PredefinedService("dns", "dns", both(53)),
            new PredefinedService("ftp", "ftp", tcp(21)),
            new PredefinedService("imap", "imap", tcp(143)),
            new PredefinedService("ipsec", "ipsec", udp(500)),
            new PredefinedService("isa", "isa", both(1745)),
            new PredefinedService("ldap", "ldap", both(389)),
            new PredefinedService("l2tp", "l2tp", udp(1701)),
            new PredefinedService("mail", "mail", tcp(25, 110, 143)),
            new PredefinedService("pop3", "pop3", tcp(110)),
            new PredefinedService("rpc", "rpc", both(135)),
            new PredefinedService("smtp", "smtp", tcp(25)),
            new PredefinedService("snmp", "snmp", udp(161)),
            new PredefinedService("sql", "sql", concat(tcp(1433), udp(1434))),
            new PredefinedService("tftp", "tftp", udp(69)));

    private PredefinedServices() {
    }

    /** @return PortQryUI's eight services, in its drop-down order */
    public static List<PredefinedService> services() {
        return SERVICES;
    }

    /** @return PortQry's interactive-mode shortcuts, alphabetical as its help lists them */
    public static List<PredefinedService> shortcuts() {
        return SHORTCUTS;
    }

    /**
     * Finds a service by its display name or key, ignoring case, spaces and punctuation
     * ({@code "Domains and Trusts"}, {@code domainsandtrusts} and {@code domains} all match).
     *
     * @param text the name or key, not null
     * @return the service, empty when none matches
     */
    public static Optional<PredefinedService> service(String text) {
        return find(SERVICES, text);
    }

    /**
     * @param text a shortcut name, any case, not null
     * @return the shortcut, empty when none matches
     */
    public static Optional<PredefinedService> shortcut(String text) {
        return find(SHORTCUTS, text);
    }

    private static Optional<PredefinedService> find(List<PredefinedService> list, String text) {
        String k = normalize(text);
        return list.stream().filter(s -> normalize(s.name()).equals(k) || s.key().equals(k)).findFirst();
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static List<PortClaim> tcp(int... ports) {
        return claims(Protocol.TCP, ports);
    }

    private static List<PortClaim> udp(int... ports) {
        return claims(Protocol.UDP, ports);
    }

    private static List<PortClaim> both(int... ports) {
        List<PortClaim> out = new ArrayList<>();
        for (int p : ports) {
            out.add(PortClaim.tcp(p));
            out.add(PortClaim.udp(p));
        }
        return out;
    }

    private static List<PortClaim> claims(Protocol protocol, int... ports) {
        List<PortClaim> out = new ArrayList<>();
        for (int p : ports) {
            out.add(new PortClaim(protocol, p));
        }
        return out;
    }

    @SafeVarargs
    private static List<PortClaim> concat(List<PortClaim>... parts) {
        List<PortClaim> out = new ArrayList<>();
        for (List<PortClaim> p : parts) {
            out.addAll(p);
        }
        return out;
    }
}
