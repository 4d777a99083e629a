package dev.portqry.protocols.ldap.internal;

import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;

/**
 * The protocolOp CHOICE of an LDAPMessage (RFC 4511 section 4.1.1): the operations this
 * library speaks, and {@link UnknownProtocolOp} for the rest.
 */
public sealed interface LdapProtocolOp permits SearchRequest, SearchResultEntry, SearchResultDone, UnknownProtocolOp {

    /** @return the operation's APPLICATION tag */
    BerTag tag();

    /**
     * Writes the operation as one element.
     *
     * @param w the writer, not null
     */
    void writeTo(BerWriter w);
}
