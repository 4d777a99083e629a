package dev.portqry.protocols.ldap.internal;

import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.ldap.LdapResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SearchResultDone, {@code [APPLICATION 5] LDAPResult} (RFC 4511 sections 4.5.2 and 4.1.9):
 * the end of a search and its outcome. Immutable.
 *
 * @param resultCode the outcome, not null
 * @param matchedDn the matchedDN, usually empty
 * @param diagnosticMessage the server's text, e.g. why a bind is needed; empty when none
 * @param referral the referral URIs (section 4.1.10), empty when absent
 */
public record SearchResultDone(LdapResultCode resultCode, String matchedDn, String diagnosticMessage,
                               List<String> referral) implements LdapProtocolOp {
    /** {@code [APPLICATION 5]}. */
    public static final BerTag TAG = BerTag.application(5, true);
    /** {@code referral [3] Referral OPTIONAL}. */
    private static final BerTag REFERRAL = BerTag.context(3, true);

    /** Checks for nulls and copies. */
    public SearchResultDone {
        Objects.requireNonNull(resultCode, "resultCode");
        Objects.requireNonNull(matchedDn, "matchedDn");
        Objects.requireNonNull(diagnosticMessage, "diagnosticMessage");
        referral = List.copyOf(referral);
    }

    /**
     * @param r positioned at the operation, not null
     * @return the decoded result
     * @throws dev.portqry.core.ProtocolDecodeException when malformed
     */
    public static SearchResultDone decode(BerReader r) {
        BerReader body = r.readConstructed(TAG);
        LdapResultCode code = LdapResultCode.valueOf(body.readEnumerated());
        String matched = body.readUtf8();
        String message = body.readUtf8();
        List<String> uris = new ArrayList<>();
        if (body.hasRemaining()) {
            BerReader ref = body.readConstructed(REFERRAL);
            while (ref.hasRemaining()) {
                uris.add(ref.readUtf8());
            }
        }
        body.expectEnd("SearchResultDone");
        return new SearchResultDone(code, matched, message, uris);
    }

    @Override
    public BerTag tag() {
        return TAG;
    }

    @Override
    public void writeTo(BerWriter w) {
        w.start(TAG).writeEnumerated(resultCode.value()).writeUtf8(matchedDn).writeUtf8(diagnosticMessage);
        if (!referral.isEmpty()) {
            w.start(REFERRAL);
            referral.forEach(w::writeUtf8);
            w.end();
        }
        w.end();
    }

    @Override
    public String toString() {
        return "SearchResultDone[" + resultCode + (matchedDn.isEmpty() ? "" : ", matchedDN=" + matchedDn)
                + (diagnosticMessage.isEmpty() ? "" : ", \"" + diagnosticMessage + "\"")
                + (referral.isEmpty() ? "" : ", referral=" + referral) + "]";
    }
}
