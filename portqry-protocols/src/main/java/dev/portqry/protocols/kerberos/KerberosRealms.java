package dev.portqry.protocols.kerberos;

import dev.portqry.protocols.ldap.RootDseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guesses a Kerberos realm from a host name: the upper-cased DNS domain of the name, which is
 * the Active Directory convention (realm = DNS domain, upper case; MS-KILE 3.1.5.2), e.g.
 * {@code dc1.corp.example.test} gives {@code CORP.EXAMPLE.TEST}.
 */
public final class KerberosRealms {
    private KerberosRealms() {
    }

    /**
     * @param hostName a host name, may be null
     * @return the upper-cased name without its first label; empty for null, an IP literal, or a
     *     single-label name (no domain to take)
     */
    public static Optional<String> fromHostName(String hostName) {
        if (hostName == null) {
            return Optional.empty();
        }
        String name = hostName.endsWith(".") ? hostName.substring(0, hostName.length() - 1) : hostName;
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.matches("[0-9.]+")) {
            return Optional.empty();
        }
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(name.substring(dot + 1).toUpperCase(Locale.ROOT));
    }

    /**
     * The realm a domain controller's rootDSE names: the part of {@code ldapServiceName} after
     * {@code @} ({@code corp.example.test:dc1$@CORP.EXAMPLE.TEST}, MS-ADTS 3.1.1.3.2.17), else the
     * {@code DC=} components of {@code defaultNamingContext}, upper case and joined by dots.
     *
     * @param rootDse an LDAP rootDSE, not null
     * @return the realm, empty when the rootDSE names neither
     */
    public static Optional<String> fromRootDse(RootDseResult rootDse) {
        Optional<String> fromService = rootDse.ldapServiceName()
                .filter(s -> s.lastIndexOf('@') >= 0 && s.lastIndexOf('@') < s.length() - 1)
                .map(s -> s.substring(s.lastIndexOf('@') + 1).toUpperCase(Locale.ROOT));
        if (fromService.isPresent()) {
            return fromService;
        }
        return rootDse.defaultNamingContext().flatMap(KerberosRealms::fromDistinguishedName);
    }

    private static Optional<String> fromDistinguishedName(String dn) {
        List<String> labels = new ArrayList<>();
        for (String rdn : dn.split(",")) {
            String t = rdn.trim();
            if (t.regionMatches(true, 0, "DC=", 0, 3) && t.length() > 3) {
                labels.add(t.substring(3));
            }
        }
        return labels.isEmpty() ? Optional.empty() : Optional.of(String.join(".", labels).toUpperCase(Locale.ROOT));
    }
}
