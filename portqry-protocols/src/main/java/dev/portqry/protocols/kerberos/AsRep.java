package dev.portqry.protocols.kerberos;

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
    /** Ticket is [APPLICATION 1] (RFC 4120 5.3). */
    private static final int TICKET_TAG = 0x61;

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

    static AsRep decode(DerReader in) {
        DerReader seq = in.enter(0x60 | MSG_TYPE).enter(DerReader.SEQUENCE);
        int pvno = seq.field(0).readInt();
        DerReader.checkThat(pvno == AsReq.PVNO, "pvno %d, expected 5", pvno);
        int msgType = seq.field(1).readInt();
        DerReader.checkThat(msgType == MSG_TYPE, "AS-REP with msg-type %d", msgType);
        if (seq.nextIs(0xa2)) {
            seq.skip();
        }
        String crealm = seq.field(3).readString();
        PrincipalName cname = PrincipalName.decode(seq.field(4));
        DerReader ticket = seq.field(5).enter(TICKET_TAG).enter(DerReader.SEQUENCE);
        ticket.field(0).readInt();
        String realm = ticket.field(1).readString();
        PrincipalName sname = PrincipalName.decode(ticket.field(2));
        DerReader encPart = seq.field(6).enter(DerReader.SEQUENCE);
        int etype = encPart.field(0).readInt();
        return new AsRep(crealm, cname, realm, sname, etype);
    }

    /** @return a DER AS-REP with these clear-text fields and empty ciphertexts (tests use it to play a KDC) */
    public byte[] encode() {
        byte[] emptyCipher = DerWriter.sequence(
                DerWriter.field(0, DerWriter.integer(encryptionType)),
                DerWriter.field(2, DerWriter.tlv(DerReader.OCTET_STRING)));
        byte[] ticket = DerWriter.tlv(TICKET_TAG, DerWriter.sequence(
                DerWriter.field(0, DerWriter.integer(AsReq.PVNO)),
                DerWriter.field(1, DerWriter.string(ticketRealm)),
                DerWriter.field(2, ticketServer.encode()),
                DerWriter.field(3, emptyCipher)));
        return DerWriter.application(MSG_TYPE, DerWriter.sequence(
                DerWriter.field(0, DerWriter.integer(AsReq.PVNO)),
                DerWriter.field(1, DerWriter.integer(MSG_TYPE)),
                DerWriter.field(3, DerWriter.string(clientRealm)),
                DerWriter.field(4, client.encode()),
                DerWriter.field(5, ticket),
                DerWriter.field(6, emptyCipher)));
    }

    @Override
    public String toString() {
        return "AS-REP " + client + "@" + clientRealm + " ticket " + ticketServer + "@" + ticketRealm + " etype " + encryptionType;
    }
}
