package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.ldap.LdapResponder;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The caps hold through the real engine for LDAP over TCP and CLDAP: a golden Samba rootDSE
 * (about 100 attributes and values) answers within the defaults, and is refused cleanly, port
 * still LISTENING, under a small maxEntries or maxReplyBytes.
 */
class LdapCapsLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.builder().responder(ResponderSelection.forced(LdapResponder.NAME))
            .udpTimeout(Duration.ofSeconds(5)).responderTimeout(Duration.ofSeconds(10)).build();
    private static PortProbe probe;
    private static LoopbackPeer cldap;
    private static ServerSocket ldap;

    @BeforeAll
    static void start() throws IOException {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new LdapResponder()).build()).build();
        byte[] udpReply = Seeds.golden("ldap", n -> n.equals("udp389.bin")).get(0).bytes();
        byte[] tcpReply = Seeds.golden("ldap", n -> n.equals("tcp389.bin")).get(0).bytes();
        cldap = LoopbackPeer.udp(LO, q -> q.length == 1 ? new byte[] {0} : LdapFuzzTest.withQueryMessageId(q, udpReply));
        ldap = LoopbackPorts.tcpListener(LO);
        Thread t = new Thread(() -> {
            while (!ldap.isClosed()) {
                try (Socket s = ldap.accept()) {
                    s.getOutputStream().write(LdapFuzzTest.withQueryMessageId(readMessage(s.getInputStream()), tcpReply));
                    s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the probe hung up
                }
            }
        }, "golden-ldap");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() throws Exception {
        cldap.close();
        ldap.close();
        probe.close();
    }

    /** Reads one LDAPMessage: a SEQUENCE with a one-octet or long-form length (RFC 4511 5.1, X.690 8.1.3). */
    private static byte[] readMessage(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        java.io.ByteArrayOutputStream msg = new java.io.ByteArrayOutputStream();
        int tag = d.readUnsignedByte();
        int first = d.readUnsignedByte();
        msg.write(tag);
        msg.write(first);
        int length = first;
        if ((first & 0x80) != 0) {
            length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                int octet = d.readUnsignedByte();
                msg.write(octet);
                length = (length << 8) | octet;
            }
        }
        msg.write(d.readNBytes(length));
        return msg.toByteArray();
    }

    private static int port(Protocol p) {
        return p == Protocol.TCP ? ldap.getLocalPort() : cldap.port();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void theGoldenRootDseFitsTheDefaults(Protocol p) throws Exception {
        PortStatus st = probe.probe(LO, p, port(p), OPTS).get(60, TimeUnit.SECONDS);
        assertThat(st.result(RootDseResult.class)).get().satisfies(dse -> assertThat(dse.dnsHostName()).contains("dc1.corp.example.test"));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void moreValuesThanMaxEntriesIsRefused(Protocol p) throws Exception {
        PortStatus st = probe.probe(LO, p, port(p), OPTS.toBuilder().maxEntries(5).build()).get(60, TimeUnit.SECONDS);
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class, u ->
                assertThat(u.error()).isEqualTo("LDAP: entry holds more than 5 attributes and values (maxEntries)"));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aReplyOverMaxReplyBytesIsRefused(Protocol p) throws Exception {
        PortStatus st = probe.probe(LO, p, port(p), OPTS.toBuilder().maxReplyBytes(1024).build()).get(60, TimeUnit.SECONDS);
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class, u ->
                assertThat(u.error()).satisfiesAnyOf(
                        e -> assertThat(e).isEqualTo("reply larger than the cap of 1024 bytes"),
                        e -> assertThat(e).startsWith("LDAP: ").contains("1024")));
    }
}
