package dev.portqry.protocols.ldap;

import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import io.netty.buffer.Unpooled;

/** What the golden LDAP replies captured from Samba carry (see golden/ldap/README.md): their messageIDs; read them with {@link dev.portqry.testkit.GoldenVectors}. */
final class LdapCaptures {
    /** messageID of the TCP 389 capture. */
    static final int TCP_ID = 4660;
    /** messageID of the TCP 3268 capture. */
    static final int GC_ID = 4661;
    /** messageID of the UDP 389 capture. */
    static final int UDP_ID = 7;
    /** messageID of the needs-bind capture. */
    static final int NEEDS_BIND_ID = 9;

    private LdapCaptures() {
    }

    /** @return the length of the first LDAPMessage in {@code bytes} (the entry, in the replies) */
    static int firstMessageLength(byte[] bytes) {
        return BerReader.elementLength(Unpooled.wrappedBuffer(bytes), LdapMessage.PROTOCOL, BerLimits.DEFAULT);
    }
}
