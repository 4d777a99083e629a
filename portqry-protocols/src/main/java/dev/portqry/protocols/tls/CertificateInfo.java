package dev.portqry.protocols.tls;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * The parts of an X.509 certificate (RFC 5280) an administrator checks, copied out of the
 * certificate so results hold no JDK security objects.
 *
 * @param subject the subject DN in RFC 2253 form
 * @param subjectAlternativeNames SANs as {@code DNS:name}, {@code IP:address}, {@code email:...}, {@code URI:...}
 * @param issuer the issuer DN in RFC 2253 form
 * @param serialNumber the serial number in hex; negative serials (seen from Samba) keep their sign
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param signatureAlgorithm e.g. {@code SHA256withRSA}
 * @param sha256Fingerprint SHA-256 of the DER certificate, lower-case hex
 */
public record CertificateInfo(String subject, List<String> subjectAlternativeNames, String issuer, String serialNumber,
                              Instant notBefore, Instant notAfter, String signatureAlgorithm, String sha256Fingerprint) {
    /** Checks for nulls and copies the list. */
    public CertificateInfo {
        Objects.requireNonNull(subject, "subject");
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
    }

    /**
     * @param cert a certificate, not null
     * @return its reportable parts
     */
    public static CertificateInfo of(X509Certificate cert) {
        return new CertificateInfo(cert.getSubjectX500Principal().getName(X500Principal.RFC2253), sans(cert),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253), cert.getSerialNumber().toString(16),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), cert.getSigAlgName(), fingerprint(cert));
    }

    /**
     * @param now the reference time, not null
     * @return whole days from {@code now} until {@code notAfter}; negative once expired
     */
    public long daysLeft(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400);
    }

    /**
     * Whether the certificate names {@code host}, as RFC 6125 section 6.4 checks it: DNS SANs
     * (a {@code *} only as the whole left-most label), IP SANs for an address; the subject CN
     * only when there is no DNS SAN.
     *
     * @param host a host name or IP literal, not null
     * @return whether one of the names matches
     */
    public boolean matchesHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        boolean literal = h.indexOf(':') >= 0 || h.matches("[0-9.]+");
        List<String> dns = new ArrayList<>();
        for (String san : subjectAlternativeNames) {
            if (san.startsWith("DNS:")) {
                dns.add(san.substring(4).toLowerCase(Locale.ROOT));
            } else if (literal && san.startsWith("IP:") && sameAddress(san.substring(3), h)) {
                return true;
            }
        }
        if (literal) {
            return false;
        }
        if (dns.isEmpty()) {
            commonName().ifPresent(cn -> dns.add(cn.toLowerCase(Locale.ROOT)));
        }
        for (String pattern : dns) {
            if (pattern.equals(h) || (pattern.startsWith("*.") && h.indexOf('.') > 0
                    && h.substring(h.indexOf('.')).equals(pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** @return the subject's CN attribute, if any */
    public java.util.Optional<String> commonName() {
        for (String rdn : subject.split(",(?=(?:[^\\\\]|\\\\.)*$)")) {
            if (rdn.regionMatches(true, 0, "CN=", 0, 3)) {
                return java.util.Optional.of(rdn.substring(3));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are IP literals here, so getByName parses them without any lookup.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static List<String> sans(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null) {
                return out;
            }
            for (List<?> n : names) {
                int type = (Integer) n.get(0);
                Object value = n.get(1);
                // RFC 5280 4.2.1.6 GeneralName choices: 1 rfc822Name, 2 dNSName, 6 URI, 7 iPAddress.
                String prefix = switch (type) {
                    case 1 -> "email:";
                    case 2 -> "DNS:";
                    case 6 -> "URI:";
                    case 7 -> "IP:";
                    default -> "type" + type + ":";
                };
                out.add(prefix + (value instanceof String s ? s : HexFormat.of().formatHex((byte[]) value)));
            }
        } catch (CertificateParsingException e) {
            out.add("(unparseable subjectAltName: " + e.getMessage() + ")");
        }
        return out;
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }
}
