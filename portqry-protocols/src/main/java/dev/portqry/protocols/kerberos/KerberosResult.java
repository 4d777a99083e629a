package dev.portqry.protocols.kerberos;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a KDC answered to the probe's AS-REQ: a KRB-ERROR (the usual case) or an AS-REP; either
 * proves a KDC is serving.
 *
 * @param requestedRealm the realm the AS-REQ named
 * @param realmSource where that realm came from, e.g. {@code kerberos.realm setting} or {@code target name}
 * @param client the principal the AS-REQ asked a ticket for (random, normally nonexistent)
 * @param reply the decoded reply
 * @param receivedAt our clock when the reply arrived
 */
public record KerberosResult(String requestedRealm, String realmSource, PrincipalName client, KerberosReply reply,
                             Instant receivedAt) implements ResponderResult {
    /** Checks for nulls. */
    public KerberosResult {
        Objects.requireNonNull(requestedRealm, "requestedRealm");
        Objects.requireNonNull(realmSource, "realmSource");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** @return the KRB-ERROR's code; empty for an AS-REP */
    public Optional<KerberosErrorCode> errorCode() {
        return reply instanceof KrbError e ? Optional.of(e.errorCode()) : Optional.empty();
    }

    /** @return the KDC's clock from a KRB-ERROR; empty for an AS-REP (its times are encrypted) */
    public Optional<Instant> serverTime() {
        return reply instanceof KrbError e ? Optional.of(e.serverTime()) : Optional.empty();
    }

    /**
     * @return server time minus our time at receipt (positive: the KDC is ahead); includes the
     *     one-way network delay, so only differences above a second mean much
     */
    public Optional<Duration> clockSkew() {
        return serverTime().map(t -> Duration.between(receivedAt, t));
    }

    /**
     * @return whether the KDC refused the realm itself: KDC_ERR_WRONG_REALM, KDC_ERR_S_PRINCIPAL_UNKNOWN
     *     (no {@code krbtgt} there), or a reply naming another realm. False does not prove the realm
     *     is served: Samba's KDC (Heimdal) looks the client up first and answers
     *     KDC_ERR_C_PRINCIPAL_UNKNOWN for an unknown client in any realm.
     */
    public boolean realmRefused() {
        if (!reply.realm().equalsIgnoreCase(requestedRealm)) {
            return true;
        }
        return errorCode().map(c -> c.equals(KerberosErrorCode.KDC_ERR_WRONG_REALM)
                || c.equals(KerberosErrorCode.KDC_ERR_S_PRINCIPAL_UNKNOWN)).orElse(false);
    }

    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Kerberos query response:");
        lines.add("Realm requested: " + requestedRealm + " (" + realmSource + ")");
        lines.add("Client principal: " + client + "@" + requestedRealm);
        if (reply instanceof KrbError e) {
            lines.add("Message: KRB-ERROR");
            lines.add("Error code: " + e.errorCode());
            lines.add("Realm: " + e.realm());
            lines.add("Server principal: " + e.server());
            lines.add("Server time: " + e.serverTime());
            clockSkew().ifPresent(s -> lines.add("Clock skew: " + formatSkew(s)));
            e.text().ifPresent(t -> lines.add("Error text: " + t));
        } else if (reply instanceof AsRep r) {
            lines.add("Message: AS-REP (the principal exists and needs no pre-authentication)");
            lines.add("Realm: " + r.ticketRealm());
            lines.add("Server principal: " + r.ticketServer());
            lines.add("Encryption type: " + r.encryptionType());
        }
        if (realmRefused()) {
            lines.add("The KDC refused realm " + requestedRealm);
        }
        lines.add("==== End of Kerberos query response ====");
        return lines.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        String what = errorCode().map(KerberosErrorCode::name).orElse("AS-REP");
        return SafeText.escape(what + " realm=" + reply.realm() + clockSkew().map(s -> " skew=" + formatSkew(s)).orElse(""));
    }

    static String formatSkew(Duration skew) {
        // Not toNanos(): it overflows beyond 292 years, and a KDC's stime is whatever its clock (or a hostile server) says.
        return String.format(Locale.ROOT, "%+.3f s", skew.getSeconds() + skew.getNano() / 1e9);
    }
}
