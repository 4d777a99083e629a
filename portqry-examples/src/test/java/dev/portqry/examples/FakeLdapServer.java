package dev.portqry.examples;

import dev.portqry.core.ProbeOptions;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.protocols.ldap.LdapResultCode;
import dev.portqry.protocols.ldap.internal.PartialAttribute;
import dev.portqry.protocols.ldap.internal.SearchResultDone;
import dev.portqry.protocols.ldap.internal.SearchResultEntry;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An LDAP server on loopback that answers any search with one rootDSE entry built from the given
 * attributes and a successful SearchResultDone, both encoded with the library's own LDAP classes.
 */
public final class FakeLdapServer implements AutoCloseable {
    private final LoopbackServer server;

    /**
     * @param address a loopback address
     * @param attributes the rootDSE, attribute name to values, in order
     * @throws IOException when binding fails
     */
    public FakeLdapServer(InetAddress address, Map<String, List<String>> attributes) throws IOException {
        List<PartialAttribute> attrs = new ArrayList<>();
        attributes.forEach((name, values) -> attrs.add(new PartialAttribute(name,
                values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList())));
        SearchResultEntry entry = new SearchResultEntry("", attrs);
        SearchResultDone done = new SearchResultDone(LdapResultCode.SUCCESS, "", "", List.of());
        server = new LoopbackServer(address, (in, out) -> {
            byte[] request = readMessage(in);
            int id = LdapMessage.decode(BerReader.of(Unpooled.wrappedBuffer(request), "LDAP"),
                    ProbeOptions.DEFAULT_MAX_ENTRIES).messageId();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            reply.writeBytes(new LdapMessage(id, entry).toByteArray());
            reply.writeBytes(new LdapMessage(id, done).toByteArray());
            out.write(reply.toByteArray());
            out.flush();
            in.read(); // wait for the client to close
        });
    }

    /** @return the listening TCP port */
    public int port() {
        return server.port();
    }

    private static byte[] readMessage(InputStream in) throws IOException {
        byte[] buf = new byte[0];
        while (true) {
            int length = BerReader.elementLength(Unpooled.wrappedBuffer(buf), "LDAP", BerLimits.DEFAULT);
            if (length >= 0) {
                return Arrays.copyOf(buf, length);
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before a whole LDAPMessage");
            }
            buf = Arrays.copyOf(buf, buf.length + 1);
            buf[buf.length - 1] = (byte) b;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
    }
}
