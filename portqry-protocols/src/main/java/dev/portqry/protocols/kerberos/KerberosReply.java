package dev.portqry.protocols.kerberos;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.kerberos.internal.KerberosDer;

/**
 * What a KDC sends back to an AS-REQ: a {@link KrbError} or an {@link AsRep}. Both prove that
 * a KDC answered for the realm.
 */
public sealed interface KerberosReply permits KrbError, AsRep {
    /** Kerberos messages are small; a reply claiming more is not one (RFC 4120 7.2.2 allows large, real KDCs send a few KB). */
    int MAX_MESSAGE_BYTES = 64 * 1024;

    /** @return the realm the KDC answered for: the KRB-ERROR's realm or the AS-REP's ticket realm */
    String realm();

    /**
     * Decodes one Kerberos message, dispatching on its application tag (RFC 4120 5.10).
     *
     * @param der one complete DER message, not null
     * @return the reply
     * @throws ProtocolDecodeException when it is neither a KRB-ERROR nor an AS-REP, or is malformed
     */
    static KerberosReply decode(byte[] der) {
        try {
            ProtocolDecodeException.check(der.length > 0, KerberosDer.PROTOCOL, "empty message");
            BerReader in = KerberosDer.reader(der);
            BerTag tag = in.peekTag();
            KerberosReply reply;
            if (tag.equals(KrbError.TAG)) {
                reply = KrbError.decode(in);
            } else if (tag.equals(AsRep.TAG)) {
                reply = AsRep.decode(in);
            } else {
                throw new ProtocolDecodeException(KerberosDer.PROTOCOL, "neither KRB-ERROR nor AS-REP: " + tag);
            }
            in.expectEnd("the message");
            return reply;
        } catch (RuntimeException e) {
            throw ProtocolDecodeException.wrap(KerberosDer.PROTOCOL, e);
        }
    }
}
