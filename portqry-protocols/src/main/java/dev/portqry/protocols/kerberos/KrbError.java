package dev.portqry.protocols.kerberos;

import static dev.portqry.protocols.kerberos.internal.KerberosDer.checkThat;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.field;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.openReply;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.readString;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.readTime;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.skipField;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.startField;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeInteger;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeString;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeTime;

import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.kerberos.internal.AsReq;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A KRB-ERROR message (RFC 4120 section 5.9.1). To the probe it is a success: the KDC read
 * the AS-REQ and answered for a realm, and its {@code stime}/{@code susec} give its clock.
 *
 * @param errorCode the error code, e.g. {@link KerberosErrorCode#KDC_ERR_C_PRINCIPAL_UNKNOWN}
 * @param realm the realm of the server principal, as the KDC echoes it
 * @param server the server principal ({@code sname}), as the KDC echoes it
 * @param serverTime the KDC's clock: {@code stime} plus {@code susec} microseconds
 * @param clientRealm the client's realm ({@code crealm}) when the KDC echoed it
 * @param client the client principal ({@code cname}) when the KDC echoed it
 * @param text the KDC's {@code e-text} when present
 * @param errorData the raw {@code e-data} (for KDC_ERR_PREAUTH_REQUIRED the METHOD-DATA), empty when absent
 */
public record KrbError(KerberosErrorCode errorCode, String realm, PrincipalName server, Instant serverTime,
                       Optional<String> clientRealm, Optional<PrincipalName> client, Optional<String> text,
                       byte[] errorData) implements KerberosReply {
    /** msg-type of KRB_ERROR, also its [APPLICATION 30] tag. */
    static final int MSG_TYPE = 30;
    /** KRB_ERROR is {@code [APPLICATION 30]} (RFC 4120 5.9.1). */
    static final BerTag TAG = BerTag.application(MSG_TYPE, true);

    /** Checks for nulls and copies the error data. */
    public KrbError {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(serverTime, "serverTime");
        Objects.requireNonNull(clientRealm, "clientRealm");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(text, "text");
        errorData = errorData.clone();
    }

    @Override
    public byte[] errorData() {
        return errorData.clone();
    }

    static KrbError decode(BerReader in) {
        BerReader seq = openReply(in, MSG_TYPE, "KRB-ERROR");
        skipField(seq, 2);
        skipField(seq, 3);
        Instant stime = readTime(field(seq, 4));
        int susec = field(seq, 5).readInt();
        checkThat(susec >= 0 && susec <= 999_999, "susec %d out of 0-999999", susec);
        int code = field(seq, 6).readInt();
        Optional<String> crealm = seq.nextIs(field(7)) ? Optional.of(readString(field(seq, 7))) : Optional.empty();
        Optional<PrincipalName> cname = seq.nextIs(field(8)) ? Optional.of(PrincipalName.decode(field(seq, 8))) : Optional.empty();
        String realm = readString(field(seq, 9));
        PrincipalName sname = PrincipalName.decode(field(seq, 10));
        Optional<String> etext = seq.nextIs(field(11)) ? Optional.of(readString(field(seq, 11))) : Optional.empty();
        byte[] edata = seq.nextIs(field(12)) ? field(seq, 12).readOctetString() : new byte[0];
        seq.expectEnd("KRB-ERROR");
        return new KrbError(KerberosErrorCode.valueOf(code), realm, sname, stime.plusNanos(susec * 1000L),
                crealm, cname, etext, edata);
    }

    /** @return the DER encoding of this message (tests use it to play a KDC) */
    public byte[] encode() {
        BerWriter w = new BerWriter().start(TAG).startSequence();
        writeInteger(w, 0, AsReq.PVNO);
        writeInteger(w, 1, MSG_TYPE);
        writeTime(w, 4, serverTime);
        writeInteger(w, 5, serverTime.getNano() / 1000);
        writeInteger(w, 6, errorCode.code());
        clientRealm.ifPresent(r -> writeString(w, 7, r));
        client.ifPresent(c -> {
            c.writeTo(startField(w, 8));
            w.end();
        });
        writeString(w, 9, realm);
        server.writeTo(startField(w, 10));
        w.end();
        text.ifPresent(t -> writeString(w, 11, t));
        if (errorData.length > 0) {
            startField(w, 12).writeOctetString(errorData).end();
        }
        return w.end().end().toByteArray();
    }

    @Override
    public String toString() {
        return "KRB-ERROR " + errorCode + " realm " + realm + " sname " + server + " stime " + serverTime
                + client.map(c -> " cname " + c).orElse("") + text.map(t -> " e-text \"" + t + "\"").orElse("");
    }
}
