package dev.portqry.protocols.ldap.internal;

import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * A protocolOp this library does not decode, kept opaque (e.g. SearchResultReference,
 * {@code [APPLICATION 19]}, RFC 4511 section 4.5.3, or an ExtendedResponse).
 *
 * @param tag the operation's tag, not null
 * @param contents its contents octets as received
 */
public record UnknownProtocolOp(BerTag tag, byte[] contents) implements LdapProtocolOp {
    /** SearchResultReference, RFC 4511 section 4.5.2. */
    public static final BerTag SEARCH_RESULT_REFERENCE = BerTag.application(19, true);
    /** ExtendedResponse, RFC 4511 section 4.12 (also unsolicited notifications, section 4.4). */
    public static final BerTag EXTENDED_RESPONSE = BerTag.application(24, true);

    /** Copies the contents. */
    public UnknownProtocolOp {
        Objects.requireNonNull(tag, "tag");
        contents = contents.clone();
    }

    /**
     * @param r positioned at the operation, not null
     * @return the opaque operation
     */
    public static UnknownProtocolOp decode(BerReader r) {
        BerTag tag = r.peekTag();
        return new UnknownProtocolOp(tag, r.readContents(tag));
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    @Override
    public void writeTo(BerWriter w) {
        w.writeContents(tag, contents);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownProtocolOp u && u.tag.equals(tag) && Arrays.equals(u.contents, contents);
    }

    @Override
    public int hashCode() {
        return tag.hashCode() * 31 + Arrays.hashCode(contents);
    }

    @Override
    public String toString() {
        return "UnknownProtocolOp[" + tag + ", " + contents.length + " bytes]";
    }
}
