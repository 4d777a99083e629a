package dev.portqry.protocols.kerberos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    static KrbError decode(DerReader in) {
        DerReader seq = in.enter(0x60 | MSG_TYPE).enter(DerReader.SEQUENCE);
        int pvno = seq.field(0).readInt();
        DerReader.checkThat(pvno == AsReq.PVNO, "pvno %d, expected 5", pvno);
        int msgType = seq.field(1).readInt();
        DerReader.checkThat(msgType == MSG_TYPE, "KRB-ERROR with msg-type %d", msgType);
        skipField(seq, 2);
        skipField(seq, 3);
        Instant stime = seq.field(4).readTime();
        int susec = seq.field(5).readInt();
        DerReader.checkThat(susec >= 0 && susec <= 999_999, "susec %d out of 0-999999", susec);
        int code = seq.field(6).readInt();
        Optional<String> crealm = seq.nextIs(0xa7) ? Optional.of(seq.field(7).readString()) : Optional.empty();
        Optional<PrincipalName> cname = seq.nextIs(0xa8) ? Optional.of(PrincipalName.decode(seq.field(8))) : Optional.empty();
        String realm = seq.field(9).readString();
        PrincipalName sname = PrincipalName.decode(seq.field(10));
        Optional<String> etext = seq.nextIs(0xab) ? Optional.of(seq.field(11).readString()) : Optional.empty();
        byte[] edata = seq.nextIs(0xac) ? seq.field(12).readBytes(DerReader.OCTET_STRING) : new byte[0];
        seq.expectEnd();
        return new KrbError(KerberosErrorCode.valueOf(code), realm, sname, stime.plusNanos(susec * 1000L),
                crealm, cname, etext, edata);
    }

    private static void skipField(DerReader seq, int n) {
        if (seq.nextIs(0xa0 | n)) {
            seq.skip();
        }
    }

    /** @return the DER encoding of this message (tests use it to play a KDC) */
    public byte[] encode() {
        List<byte[]> fields = new ArrayList<>();
        fields.add(DerWriter.field(0, DerWriter.integer(AsReq.PVNO)));
        fields.add(DerWriter.field(1, DerWriter.integer(MSG_TYPE)));
        fields.add(DerWriter.field(4, DerWriter.time(serverTime)));
        fields.add(DerWriter.field(5, DerWriter.integer(serverTime.getNano() / 1000)));
        fields.add(DerWriter.field(6, DerWriter.integer(errorCode.code())));
        clientRealm.ifPresent(r -> fields.add(DerWriter.field(7, DerWriter.string(r))));
        client.ifPresent(c -> fields.add(DerWriter.field(8, c.encode())));
        fields.add(DerWriter.field(9, DerWriter.string(realm)));
        fields.add(DerWriter.field(10, server.encode()));
        text.ifPresent(t -> fields.add(DerWriter.field(11, DerWriter.string(t))));
        if (errorData.length > 0) {
            fields.add(DerWriter.field(12, DerWriter.tlv(DerReader.OCTET_STRING, errorData)));
        }
        return DerWriter.application(MSG_TYPE, DerWriter.sequence(fields.toArray(byte[][]::new)));
    }

    @Override
    public String toString() {
        return "KRB-ERROR " + errorCode + " realm " + realm + " sname " + server + " stime " + serverTime
                + client.map(c -> " cname " + c).orElse("") + text.map(t -> " e-text \"" + t + "\"").orElse("");
    }
}
