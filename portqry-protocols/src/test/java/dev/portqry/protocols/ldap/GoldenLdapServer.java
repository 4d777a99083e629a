package dev.portqry.protocols.ldap;

import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * Replays a golden reply with the messageID of whatever search arrives: over UDP through
 * {@link dev.portqry.core.LoopbackPeers.UdpResponder}, over TCP from a tiny blocking server that
 * writes the reply in small pieces so that the client must frame it across reads.
 */
final class GoldenLdapServer {
    private GoldenLdapServer() {
    }

    /**
     * @param request a received payload
     * @param golden the golden reply (one or more LDAPMessages)
     * @return the golden messages re-encoded with the request's messageID, or null when the
     *         payload is not an LDAPMessage (e.g. the one-byte datagram of step 1)
     */
    static byte[] answer(byte[] request, byte[] golden) {
        int id;
        try {
            id = LdapMessage.decode(BerReader.of(Unpooled.wrappedBuffer(request), "LDAP"), 100).messageId();
        } catch (RuntimeException e) {
            return null;
        }
        BerReader r = BerReader.of(Unpooled.wrappedBuffer(golden), "LDAP");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (r.hasRemaining()) {
            LdapMessage m = LdapMessage.decode(r, 10_000);
            out.writeBytes(new LdapMessage(id, m.op()).toByteArray());
        }
        return out.toByteArray();
    }

    /** A TCP server on loopback answering one search per connection with {@code golden}. */
    static final class Tcp implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        Tcp(InetAddress address, byte[] golden) throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(address, 0));
            thread = new Thread(() -> serve(golden), "golden-ldap-" + server.getLocalPort());
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(byte[] golden) {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    byte[] request = readMessage(s.getInputStream());
                    byte[] reply = request == null ? null : answer(request, golden);
                    if (reply == null) {
                        continue;
                    }
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < reply.length; i += 97) {
                        out.write(reply, i, Math.min(97, reply.length - i));
                        out.flush();
                    }
                    s.shutdownOutput();
                    s.getInputStream().read();
                } catch (IOException e) {
                    // The client went away or the server closed: serve the next one, if any.
                }
            }
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
                    return null;
                }
                buf = Arrays.copyOf(buf, buf.length + 1);
                buf[buf.length - 1] = (byte) b;
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            thread.join(2000);
        }
    }
}
