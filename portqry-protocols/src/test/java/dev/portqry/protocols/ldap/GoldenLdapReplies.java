package dev.portqry.protocols.ldap;

import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.Script;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Replays a golden reply with the messageID of whatever search arrives, for a {@link LoopbackPeer}
 * over UDP ({@link #answer}) or TCP ({@link #tcp}).
 */
public final class GoldenLdapReplies {
    private GoldenLdapReplies() {
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

    /**
     * @param address a loopback address
     * @param golden the golden reply
     * @return a TCP peer answering one search per connection with {@code golden}, written in
     *         97-byte pieces so that the client must frame it across reads
     */
    static LoopbackPeer tcp(InetAddress address, byte[] golden) throws IOException {
        return LoopbackPeer.tcp(address, Script.create().read(GoldenLdapReplies::readMessage).reply(request -> answer(request, golden), 97));
    }

    /**
     * Reads one LDAPMessage, framed by its BER length (RFC 4511 section 5.1).
     *
     * @param in the client's bytes
     * @return the message, or null when the stream ended first
     * @throws IOException when reading fails
     */
    public static byte[] readMessage(InputStream in) throws IOException {
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
}
