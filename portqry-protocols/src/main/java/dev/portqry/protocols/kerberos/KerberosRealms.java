package dev.portqry.protocols.kerberos;

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
}
