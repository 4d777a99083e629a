package dev.portqry.protocols.kerberos;

import static dev.portqry.protocols.kerberos.internal.KerberosDer.field;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.openReply;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.readString;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.skipField;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.startField;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeInteger;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeString;

import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.kerberos.internal.AsReq;
import java.util.Objects;

/**
 * A KRB_AS_REP (RFC 4120 section 5.4.2): the KDC issued a ticket because the principal exists
 * and needs no pre-authentication. Only the clear-text parts are read; the encrypted part
 * would need the client's key.
 *
 * @param clientRealm the client's realm ({@code crealm})
 * @param client the client principal ({@code cname})
 * @param ticketRealm the realm of the issued ticket (RFC 4120 5.3 Ticket.realm)
 * @param ticketServer the ticket's server principal, normally {@code krbtgt/REALM}
 * @param encryptionType the etype of the reply's encrypted part
 */
public record AsRep(String clientRealm, PrincipalName client, String ticketRealm, PrincipalName ticketServer,
                    int encryptionType) implements KerberosReply {
    /** msg-type of KRB_AS_REP, also its [APPLICATION 11] tag. */
    static final int MSG_TYPE = 11;
    /** KRB_AS_REP is {@code [APPLICATION 11]} (RFC 4120 5.4.2). */
    static final BerTag TAG = BerTag.application(MSG_TYPE, true);
    /** Ticket is [APPLICATION 1] (RFC 4120 5.3). */
    private static final BerTag TICKET_TAG = BerTag.application(1, true);

    /** Checks for nulls. */
    public AsRep {
        Objects.requireNonNull(clientRealm, "clientRealm");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(ticketRealm, "ticketRealm");
        Objects.requireNonNull(ticketServer, "ticketServer");
    }

    @Override
    public String realm() {
        return ticketRealm;
    }

    static AsRep decode(BerReader in) {
        BerReader seq = openReply(in, MSG_TYPE, "AS-REP");
        skipField(seq, 2);
        String crealm = readString(field(seq, 3));
        PrincipalName cname = PrincipalName.decode(field(seq, 4));
        BerReader ticket = field(seq, 5).readConstructed(TICKET_TAG).readSequence();
        field(ticket, 0).readInt();
        String realm = readString(field(ticket, 1));
        PrincipalName sname = PrincipalName.decode(field(ticket, 2));
        BerReader encPart = field(seq, 6).readSequence();
        int etype = field(encPart, 0).readInt();
        return new AsRep(crealm, cname, realm, sname, etype);
    }

    /** @return a DER AS-REP with these clear-text fields and empty ciphertexts (tests use it to play a KDC) */
    public byte[] encode() {
        BerWriter w = new BerWriter().start(TAG).startSequence();
        writeInteger(w, 0, AsReq.PVNO);
        writeInteger(w, 1, MSG_TYPE);
        writeString(w, 3, clientRealm);
        client.writeTo(startField(w, 4));
        w.end();
        startField(w, 5).start(TICKET_TAG).startSequence();
        writeInteger(w, 0, AsReq.PVNO);
        writeString(w, 1, ticketRealm);
        ticketServer.writeTo(startField(w, 2));
        w.end();
        writeEmptyCipher(startField(w, 3));
        w.end().end().end().end();
        writeEmptyCipher(startField(w, 6));
        return w.end().end().end().toByteArray();
    }

    /** EncryptedData (RFC 4120 5.2.9) with this etype and no ciphertext. */
    private void writeEmptyCipher(BerWriter w) {
        w.startSequence();
        writeInteger(w, 0, encryptionType);
        startField(w, 2).writeOctetString(new byte[0]).end();
        w.end();
    }

    @Override
    public String toString() {
        return "AS-REP " + client + "@" + clientRealm + " ticket " + ticketServer + "@" + ticketRealm + " etype " + encryptionType;
    }
}
