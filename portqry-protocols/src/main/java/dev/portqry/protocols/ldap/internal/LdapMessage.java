package dev.portqry.protocols.ldap.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerTagClass;
import dev.portqry.protocols.ber.BerWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;

/**
 * The LDAPMessage envelope (RFC 4511 section 4.1.1): a messageID and one protocol operation.
 * Controls (section 4.1.11) are skipped when decoding and never sent. Over UDP the same
 * envelope is used: Active Directory and Samba answer CLDAP with RFC 4511 messages, one or more
 * SearchResultEntry then a SearchResultDone, not with the RFC 1798 CLDAPMessage that carried a
 * {@code user} DN after the messageID (MS-ADTS 3.1.1.3.1.11, "LDAP Search Over UDP"). Immutable.
 *
 * @param messageId 0 to 2^31-1; 0 marks an unsolicited notification (section 4.4)
 * @param op the operation, not null
 */
public record LdapMessage(int messageId, LdapProtocolOp op) {
    /** The protocol name in decode errors. */
    public static final String PROTOCOL = "LDAP";
    /** {@code controls [0] Controls OPTIONAL}. */
    private static final BerTag CONTROLS = BerTag.context(0, true);

    /** Validates the messageID. */
    public LdapMessage {
        Objects.requireNonNull(op, "op");
        if (messageId < 0) {
            throw new IllegalArgumentException("messageId must be 0-2147483647, was " + messageId);
        }
    }

    /**
     * Decodes one message and checks that nothing follows it inside its SEQUENCE.
     *
     * @param r positioned at the message, not null
     * @param maxValues the most attributes plus values accepted in one entry
     * @return the message
     * @throws ProtocolDecodeException when malformed
     */
    public static LdapMessage decode(BerReader r, int maxValues) {
        BerReader msg = r.readSequence();
        int id = msg.readInt();
        ProtocolDecodeException.check(id >= 0, PROTOCOL, "negative messageID %d (RFC 4511 4.1.1.1)", id);
        BerTag tag = msg.peekTag();
        LdapProtocolOp op;
        if (tag.equals(SearchResultEntry.TAG)) {
            op = SearchResultEntry.decode(msg, maxValues);
        } else if (tag.equals(SearchResultDone.TAG)) {
            op = SearchResultDone.decode(msg);
        } else if (tag.equals(SearchRequest.TAG)) {
            op = SearchRequest.decode(msg);
        } else {
            ProtocolDecodeException.check(tag.tagClass() == BerTagClass.APPLICATION, PROTOCOL,
                    "expected an APPLICATION protocolOp, found %s", tag);
            op = UnknownProtocolOp.decode(msg);
        }
        if (msg.hasRemaining()) {
            msg.readContents(CONTROLS);
        }
        msg.expectEnd("LDAPMessage");
        return new LdapMessage(id, op);
    }

    /**
     * Writes the message as one SEQUENCE.
     *
     * @param w the writer, not null
     */
    public void writeTo(BerWriter w) {
        w.startSequence().writeInteger(messageId);
        op.writeTo(w);
        w.end();
    }

    /** @return the encoded message */
    public byte[] toByteArray() {
        BerWriter w = new BerWriter();
        writeTo(w);
        return w.toByteArray();
    }

    /**
     * @param alloc the allocator, not null
     * @return a new buffer with the encoded message; the caller owns it
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        byte[] bytes = toByteArray();
        return alloc.buffer(bytes.length).writeBytes(bytes);
    }

    @Override
    public String toString() {
        return "LdapMessage[" + messageId + ", " + op + "]";
    }
}
