package dev.portqry.examples;

import dev.portqry.core.ProbeOptions;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.protocols.ldap.GoldenLdapReplies;
import dev.portqry.protocols.ldap.LdapResultCode;
import dev.portqry.protocols.ldap.internal.PartialAttribute;
import dev.portqry.protocols.ldap.internal.SearchResultDone;
import dev.portqry.protocols.ldap.internal.SearchResultEntry;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.Script;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An LDAP peer on loopback that answers any search with one rootDSE entry built from the given
 * attributes and a successful SearchResultDone, both encoded with the library's own LDAP classes.
 */
public final class RootDsePeer {
    private RootDsePeer() {
    }

    /**
     * @param address a loopback address
     * @param attributes the rootDSE, attribute name to values, in order
     * @return the peer, listening on TCP
     * @throws IOException when binding fails
     */
    public static LoopbackPeer start(InetAddress address, Map<String, List<String>> attributes) throws IOException {
        List<PartialAttribute> attrs = new ArrayList<>();
        attributes.forEach((name, values) -> attrs.add(new PartialAttribute(name,
                values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList())));
        SearchResultEntry entry = new SearchResultEntry("", attrs);
        SearchResultDone done = new SearchResultDone(LdapResultCode.SUCCESS, "", "", List.of());
        return LoopbackPeer.tcp(address, Script.create().read(GoldenLdapReplies::readMessage).reply(request -> {
            int id = LdapMessage.decode(BerReader.of(Unpooled.wrappedBuffer(request), "LDAP"),
                    ProbeOptions.DEFAULT_MAX_ENTRIES).messageId();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            reply.writeBytes(new LdapMessage(id, entry).toByteArray());
            reply.writeBytes(new LdapMessage(id, done).toByteArray());
            return reply.toByteArray();
        }));
    }
}
