package dev.portqry.protocols.tls;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.ldap.RootDseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed TLS handshake: what was negotiated, the server's certificates, how they validate
 * against the JDK trust store, and (for LDAPS) what LDAP answered inside the tunnel.
 *
 * @param protocol the negotiated protocol, e.g. {@code TLSv1.3}
 * @param cipherSuite the negotiated suite, e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param chain the server's certificates, leaf first; empty for anonymous suites
 * @param validation the chain's verdict against the default trust store
 * @param checkedName the target name the leaf was checked against, empty when the target was an address
 * @param nameMatches whether the leaf names {@code checkedName}; empty when there was no name
 * @param ldap the LDAP answer inside TLS: the search's result and the rootDSE's {@code dnsHostName} and
 *     {@code defaultNamingContext} when returned; empty for plain {@code tls} probes or when LDAP did not answer
 * @param ldapNote why {@code ldap} is empty when an LDAP query was sent, else empty
 * @param checkedAt our clock when the handshake finished; {@link #daysLeft()} counts from it
 */
public record TlsResult(String protocol, String cipherSuite, List<CertificateInfo> chain, ChainValidation validation,
                        Optional<String> checkedName, Optional<Boolean> nameMatches, Optional<RootDseResult> ldap,
                        Optional<String> ldapNote, Instant checkedAt) implements ResponderResult {
    /** Checks for nulls and copies the chain. */
    public TlsResult {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        chain = List.copyOf(chain);
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(checkedName, "checkedName");
        Objects.requireNonNull(nameMatches, "nameMatches");
        Objects.requireNonNull(ldap, "ldap");
        Objects.requireNonNull(ldapNote, "ldapNote");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** @return the server's own certificate, empty for anonymous suites */
    public Optional<CertificateInfo> leaf() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    /** @return whole days from {@link #checkedAt()} until the leaf expires; negative once expired */
    public Optional<Long> daysLeft() {
        return leaf().map(c -> c.daysLeft(checkedAt));
    }

    /** @return a copy with the LDAP answer (or the reason there is none) filled in */
    TlsResult withLdap(Optional<RootDseResult> answer, Optional<String> note) {
        return new TlsResult(protocol, cipherSuite, chain, validation, checkedName, nameMatches, answer, note, checkedAt);
    }

    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("TLS query response:");
        lines.add("Protocol: " + protocol);
        lines.add("Cipher suite: " + cipherSuite);
        leaf().ifPresentOrElse(c -> {
            lines.add("Certificate subject: " + c.subject());
            lines.add("Subject alternative names: " + (c.subjectAlternativeNames().isEmpty() ? "(none)"
                    : String.join(", ", c.subjectAlternativeNames())));
            lines.add("Issuer: " + c.issuer());
            lines.add("Serial number: " + c.serialNumber());
            lines.add("Valid from: " + c.notBefore());
            lines.add("Valid until: " + c.notAfter() + " (" + c.daysLeft(checkedAt) + " days left)");
            lines.add("Signature algorithm: " + c.signatureAlgorithm());
            lines.add("SHA-256 fingerprint: " + c.sha256Fingerprint());
        }, () -> lines.add("Certificate: none"));
        lines.add("Certificates in chain: " + chain.size());
        lines.add("Chain validation: " + validation);
        checkedName.ifPresent(n -> lines.add("Name " + n + " in certificate: " + (nameMatches.orElse(false) ? "yes" : "no")));
        ldap.ifPresent(a -> {
            lines.add("LDAP over TLS: " + a.resultCode() + (a.diagnosticMessage().isEmpty() ? "" : " " + a.diagnosticMessage()));
            a.dnsHostName().ifPresent(h -> lines.add("dnsHostName: " + h));
            a.defaultNamingContext().ifPresent(c -> lines.add("defaultNamingContext: " + c));
        });
        ldapNote.ifPresent(n -> lines.add("LDAP over TLS: " + n));
        lines.add("==== End of TLS query response ====");
        return lines.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        return SafeText.escape(protocol + " " + validation.status() + daysLeft().map(d -> " expires in " + d + " days").orElse("")
                + ldap.map(a -> " LDAP " + a.resultCode().name()).orElse(""));
    }
}
