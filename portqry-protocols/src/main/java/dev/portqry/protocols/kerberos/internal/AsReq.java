package dev.portqry.protocols.kerberos.internal;

import static dev.portqry.protocols.kerberos.internal.KerberosDer.checkThat;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.field;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.readString;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.readTime;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.skipField;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.startField;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeFlags;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeInteger;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeString;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeTime;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.kerberos.PrincipalName;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The KRB_AS_REQ the probe sends (RFC 4120 section 5.4.1): a request for a ticket-granting
 * ticket without PA-DATA, so a KDC answers with a KRB-ERROR (unknown client, pre-authentication
 * required) that proves it serves the realm, and never needs a key from us.
 *
 * @param client the client principal, normally a random name that does not exist
 * @param realm the realm of client and server, upper case by AD convention
 * @param server the requested service, normally {@code krbtgt/REALM}
 * @param nonce the request nonce, 0 to 2^31-1 (some KDCs mishandle UInt32 values above Int32)
 * @param till the requested end time
 * @param encryptionTypes the etypes offered, strongest first
 */
public record AsReq(PrincipalName client, String realm, PrincipalName server, long nonce, Instant till,
                    List<Integer> encryptionTypes) {
    /** aes256-cts-hmac-sha1-96 (RFC 3962). */
    public static final int AES256_CTS_HMAC_SHA1_96 = 18;
    /** aes128-cts-hmac-sha1-96 (RFC 3962). */
    public static final int AES128_CTS_HMAC_SHA1_96 = 17;
    /** rc4-hmac (RFC 4757), still what older AD accounts have. */
    public static final int RC4_HMAC = 23;
    /** The etypes the probe offers: AES256, AES128, RC4. */
    public static final List<Integer> DEFAULT_ETYPES = List.of(AES256_CTS_HMAC_SHA1_96, AES128_CTS_HMAC_SHA1_96, RC4_HMAC);
    /** The end time MIT kinit asks for when it wants "as long as allowed" (RFC 4120 5.4.1 till). */
    public static final Instant FAR_FUTURE = Instant.parse("2037-09-13T02:48:05Z");

    /** pvno (RFC 4120 5.4.1). */
    public static final int PVNO = 5;
    /** msg-type of KRB_AS_REQ, also its [APPLICATION 10] tag. */
    static final int MSG_TYPE = 10;
    /** KRB_AS_REQ is {@code [APPLICATION 10]} (RFC 4120 5.4.1). */
    static final BerTag TAG = BerTag.application(MSG_TYPE, true);
    /** KDCOptions forwardable (bit 1) and renewable-ok (bit 27), what kinit sends by default (RFC 4120 5.4.1). */
    static final int KDC_OPTIONS = 0x40000010;

    /** Checks the arguments. */
    public AsReq {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(till, "till");
        encryptionTypes = List.copyOf(encryptionTypes);
        if (realm.isEmpty()) {
            throw new IllegalArgumentException("realm must not be empty");
        }
        if (nonce < 0 || nonce > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("nonce must be 0-2147483647, was " + nonce);
        }
        if (encryptionTypes.isEmpty()) {
            throw new IllegalArgumentException("encryptionTypes must not be empty");
        }
    }

    /** @return the DER encoding of this request, starting with its [APPLICATION 10] tag */
    public byte[] encode() {
        BerWriter w = new BerWriter().start(TAG).startSequence();
        writeInteger(w, 1, PVNO);
        writeInteger(w, 2, MSG_TYPE);
        startField(w, 4).startSequence();                        // req-body KDC-REQ-BODY
        writeFlags(w, 0, KDC_OPTIONS);
        client.writeTo(startField(w, 1));
        w.end();
        writeString(w, 2, realm);
        server.writeTo(startField(w, 3));
        w.end();
        writeTime(w, 5, till);
        writeInteger(w, 7, nonce);
        startField(w, 8).startSequence();
        encryptionTypes.forEach(w::writeInteger);
        w.end().end();                                           // etype
        return w.end().end().end().end().toByteArray();          // req-body, KDC-REQ, [APPLICATION 10]
    }

    /**
     * Decodes an AS-REQ as {@link #encode()} writes it (tests use it to play a KDC); PA-DATA and
     * optional body fields other than cname, sname and till are skipped.
     *
     * @param der the DER message, not null
     * @return the request
     * @throws dev.portqry.core.ProtocolDecodeException when it is not an AS-REQ
     */
    public static AsReq decode(byte[] der) {
        try {
            BerReader seq = KerberosDer.reader(der).readConstructed(TAG).readSequence();
            checkThat(field(seq, 1).readInt() == PVNO, "pvno is not 5");
            checkThat(field(seq, 2).readInt() == MSG_TYPE, "msg-type is not AS-REQ");
            skipField(seq, 3);
            BerReader body = field(seq, 4).readSequence();
            field(body, 0).skip();
            PrincipalName cname = PrincipalName.decode(field(body, 1));
            String realm = readString(field(body, 2));
            PrincipalName sname = PrincipalName.decode(field(body, 3));
            skipField(body, 4);
            Instant till = readTime(field(body, 5));
            skipField(body, 6);
            long nonce = field(body, 7).readInteger();
            BerReader etypeSeq = field(body, 8).readSequence();
            List<Integer> etypes = new ArrayList<>();
            while (etypeSeq.hasRemaining() && etypes.size() < PrincipalName.MAX_COMPONENTS) {
                etypes.add(etypeSeq.readInt());
            }
            return new AsReq(cname, realm, sname, nonce, till, etypes);
        } catch (RuntimeException e) {
            throw ProtocolDecodeException.wrap(KerberosDer.PROTOCOL, e);
        }
    }

    /**
     * Writes the request, preceded on TCP by its 4-byte record length (RFC 4120 7.2.2).
     *
     * @param out the buffer to append to, not null
     * @param tcpFramed whether to write the TCP length prefix
     */
    public void writeTo(ByteBuf out, boolean tcpFramed) {
        byte[] der = encode();
        if (tcpFramed) {
            out.writeInt(der.length);
        }
        out.writeBytes(der);
    }

    @Override
    public String toString() {
        return "AS-REQ " + client + "@" + realm + " for " + server + "@" + realm + " nonce " + nonce + " etypes " + encryptionTypes;
    }
}
