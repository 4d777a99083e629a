package dev.portqry.protocols.ldap;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.ldap.internal.SearchResultDone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an LDAP server said about itself: every attribute of its rootDSE (RFC 4512 section 5.1)
 * with every value in server order, and the result of the search. A server that refuses the
 * anonymous read (e.g. one that requires a bind) gives a non-success {@link #resultCode()} and
 * no attributes rather than an error. Attribute names are matched case-insensitively, as LDAP
 * does. Immutable.
 *
 * <pre>{@code
 * status.result(RootDseResult.class).ifPresent(dse ->
 *         System.out.println(dse.dnsHostName().orElse("?") + " " + dse.defaultNamingContext().orElse("?")));
 * }</pre>
 *
 * @param attributes the attributes in server order, not null
 * @param resultCode the SearchResultDone result code, not null
 * @param diagnosticMessage the SearchResultDone diagnostic message, empty when none
 */
public record RootDseResult(List<Attribute> attributes, LdapResultCode resultCode, String diagnosticMessage)
        implements ResponderResult {

    /**
     * One rootDSE attribute.
     *
     * @param name the attribute description as the server sent it, e.g. {@code namingContexts}
     * @param values the values as text in server order (binary ones as {@code 0x}-prefixed hex)
     */
    public record Attribute(String name, List<String> values) {
        /** Checks for nulls and copies. */
        public Attribute {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    /** Checks for nulls and copies. */
    public RootDseResult {
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(resultCode, "resultCode");
        Objects.requireNonNull(diagnosticMessage, "diagnosticMessage");
    }

    /**
     * @param name an attribute name, any case
     * @return its values in server order (from every occurrence), empty when absent
     */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                out.addAll(a.values());
            }
        }
        return out;
    }

    /**
     * @param name an attribute name, any case
     * @return its first value, empty when absent
     */
    public Optional<String> first(String name) {
        return values(name).stream().findFirst();
    }

    /** @return the naming contexts the server holds */
    public List<String> namingContexts() {
        return values("namingContexts");
    }

    /** @return the domain's naming context (Active Directory), e.g. {@code DC=corp,DC=example,DC=test} */
    public Optional<String> defaultNamingContext() {
        return first("defaultNamingContext");
    }

    /** @return the configuration naming context (Active Directory) */
    public Optional<String> configurationNamingContext() {
        return first("configurationNamingContext");
    }

    /** @return the schema naming context (Active Directory) */
    public Optional<String> schemaNamingContext() {
        return first("schemaNamingContext");
    }

    /** @return the forest root domain's naming context (Active Directory) */
    public Optional<String> rootDomainNamingContext() {
        return first("rootDomainNamingContext");
    }

    /** @return the server's DNS name, e.g. {@code dc1.corp.example.test} */
    public Optional<String> dnsHostName() {
        return first("dnsHostName");
    }

    /** @return the DN of the server object in the configuration naming context */
    public Optional<String> serverName() {
        return first("serverName");
    }

    /** @return the Kerberos service name, e.g. {@code corp.example.test:dc1$@CORP.EXAMPLE.TEST} */
    public Optional<String> ldapServiceName() {
        return first("ldapServiceName");
    }

    /** @return the LDAP versions offered, numbers that do not parse left out */
    public List<Integer> supportedLDAPVersion() {
        return values("supportedLDAPVersion").stream().flatMap(v -> parseLong(v).stream()).map(Long::intValue).toList();
    }

    /** @return the OIDs of the supported controls, duplicates kept as sent */
    public List<String> supportedControl() {
        return values("supportedControl");
    }

    /** @return the OIDs of the Active Directory capabilities */
    public List<String> supportedCapabilities() {
        return values("supportedCapabilities");
    }

    /** @return the SASL mechanisms offered, e.g. {@code GSSAPI} */
    public List<String> supportedSASLMechanisms() {
        return values("supportedSASLMechanisms");
    }

    /** @return the server's clock, empty when absent or not a GeneralizedTime (RFC 4517 3.3.13) */
    public Optional<Instant> currentTime() {
        return first("currentTime").flatMap(GeneralizedTime::parse);
    }

    /** @return whether the DC completed its initial replication, empty when absent */
    public Optional<Boolean> isSynchronized() {
        return first("isSynchronized").flatMap(RootDseResult::parseBoolean);
    }

    /** @return whether the DC serves as a global catalog, empty when absent */
    public Optional<Boolean> isGlobalCatalogReady() {
        return first("isGlobalCatalogReady").flatMap(RootDseResult::parseBoolean);
    }

    /** @return the domain functional level (MS-ADTS 6.1.4.4), e.g. 4 for Windows 2008 R2 */
    public Optional<Integer> domainFunctionality() {
        return first("domainFunctionality").flatMap(RootDseResult::parseLong).map(Long::intValue);
    }

    /** @return the forest functional level */
    public Optional<Integer> forestFunctionality() {
        return first("forestFunctionality").flatMap(RootDseResult::parseLong).map(Long::intValue);
    }

    /** @return the DC's own functional level */
    public Optional<Integer> domainControllerFunctionality() {
        return first("domainControllerFunctionality").flatMap(RootDseResult::parseLong).map(Long::intValue);
    }

    /** @return the highest update sequence number the DC committed */
    public Optional<Long> highestCommittedUSN() {
        return first("highestCommittedUSN").flatMap(RootDseResult::parseLong);
    }

    /** @return the vendor (RFC 3045), e.g. {@code Samba Team (https://www.samba.org)} */
    public Optional<String> vendorName() {
        return first("vendorName");
    }

    /**
     * PortQry's section: {@code LDAP query response:}, one {@code name: value} line per value
     * (PortQry printed only the first value of each attribute; this prints all), a
     * {@code result:} line when the search did not succeed, and the end marker.
     */
    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("LDAP query response:");
        for (Attribute a : attributes) {
            for (String v : a.values()) {
                lines.add(a.name() + ": " + v);
            }
        }
        if (!resultCode.isSuccess()) {
            lines.add("result: " + resultCode + (diagnosticMessage.isEmpty() ? "" : " " + diagnosticMessage));
        }
        lines.add("======== End of LDAP query response ========");
        return lines.stream().map(SafeText::escape).toList();
    }

    /** @return e.g. {@code dnsHostName=dc1.corp.example.test defaultNamingContext=DC=corp,DC=example,DC=test} */
    @Override
    public String summary() {
        List<String> parts = new ArrayList<>();
        dnsHostName().ifPresent(v -> parts.add("dnsHostName=" + v));
        defaultNamingContext().ifPresent(v -> parts.add("defaultNamingContext=" + v));
        if (parts.isEmpty()) {
            first("namingContexts").ifPresent(v -> parts.add("namingContexts=" + v));
            vendorName().ifPresent(v -> parts.add("vendorName=" + v));
        }
        if (!resultCode.isSuccess()) {
            parts.add("result=" + resultCode.name() + "(" + resultCode.value() + ")");
        }
        return SafeText.escape(String.join(" ", parts));
    }

    @Override
    public String toString() {
        return "RootDseResult[" + resultCode + ", " + attributes.stream().map(Attribute::name).collect(Collectors.joining(", "))
                + "]";
    }

    private static Optional<Long> parseLong(String v) {
        try {
            return Optional.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> parseBoolean(String v) {
        // RFC 4517 3.3.3: Boolean values are TRUE or FALSE.
        return "TRUE".equalsIgnoreCase(v) ? Optional.of(true) : "FALSE".equalsIgnoreCase(v) ? Optional.of(false) : Optional.empty();
    }
}
