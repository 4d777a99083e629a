package dev.portqry.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.GoldenVectors;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LDAPS and plain TLS probes through a real PortProbe against a JDK TLS server on loopback. */
class TlsLoopbackTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final byte[] LDAP_ANSWER = GoldenVectors.hex("tls/ldap-rootdse-reply.hex");
    private static PortProbe probe;

    /** How the fake server behaves after accepting. */
    private enum Mode { LDAP_ANSWER, CLOSE_AFTER_HANDSHAKE, PLAIN_TEXT }

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder()
                .add(new LdapsResponder()).add(new TlsResponder()).build()).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    private static ProbeOptions forced(String responder) {
        return ProbeOptions.builder().responder(ResponderSelection.forced(responder)).responderTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void ldapsReportsCertificateAndLdapAnswer() throws Exception {
        try (ServerSocket server = serve(Mode.LDAP_ANSWER, true)) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), forced("ldaps")).get();
            TlsResult r = st.result(TlsResult.class).orElseThrow(() -> new AssertionError(st.toString()));
            assertThat(r.protocol()).startsWith("TLSv1.");
            assertThat(r.cipherSuite()).startsWith("TLS_");
            assertThat(r.leaf().orElseThrow().subject()).isEqualTo("CN=localhost,O=portqry test");
            assertThat(r.leaf().orElseThrow().subjectAlternativeNames()).containsExactly("DNS:localhost", "IP:127.0.0.1");
            assertThat(r.validation().status()).isEqualTo(ChainValidation.Status.SELF_SIGNED);
            assertThat(r.daysLeft().orElseThrow()).isGreaterThan(365);
            assertThat(r.checkedName()).isEmpty();
            assertThat(r.ldap().orElseThrow().dnsHostName()).contains("dc1.corp.example.test");
            assertThat(r.reportLines()).first().isEqualTo("TLS query response:");
            assertThat(r.reportLines()).last().isEqualTo("==== End of TLS query response ====");
            assertThat(r.reportLines()).contains("LDAP over TLS: success (0)", "dnsHostName: dc1.corp.example.test");
        }
    }

    @Test
    void tls12IsReportedToo() throws Exception {
        try (ServerSocket server = serve(Mode.LDAP_ANSWER, false)) {
            TlsResult r = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), forced("ldaps")).get()
                    .result(TlsResult.class).orElseThrow();
            assertThat(r.protocol()).isEqualTo("TLSv1.2");
            assertThat(r.ldap()).isPresent();
        }
    }

    @Test
    void plainTlsNeedsNoLdapAndChecksTheName() throws Exception {
        try (ServerSocket server = serve(Mode.CLOSE_AFTER_HANDSHAKE, true)) {
            TlsResult r = probe.probe("localhost", Protocol.TCP, server.getLocalPort(), forced("tls")).get()
                    .result(TlsResult.class).orElseThrow();
            assertThat(r.ldap()).isEmpty();
            assertThat(r.ldapNote()).isEmpty();
            assertThat(r.checkedName()).contains("localhost");
            assertThat(r.nameMatches()).contains(true);
        }
    }

    @Test
    void serverClosingAfterTheHandshakeStillReportsTheCertificate() throws Exception {
        try (ServerSocket server = serve(Mode.CLOSE_AFTER_HANDSHAKE, true)) {
            TlsResult r = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), forced("ldaps")).get()
                    .result(TlsResult.class).orElseThrow();
            assertThat(r.ldap()).isEmpty();
            assertThat(r.ldapNote()).isPresent();
            assertThat(r.leaf()).isPresent();
        }
    }

    @Test
    void plainTextServerIsUnparseableButListening() throws Exception {
        try (ServerSocket server = serve(Mode.PLAIN_TEXT, true)) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), forced("tls")).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).containsInstanceOf(ResponderOutcome.Unparseable.class);
            assertThat(((ResponderOutcome.Unparseable) st.responder().orElseThrow()).error()).startsWith("TLS: ");
        }
    }

    private static ServerSocket serve(Mode mode, boolean tls13) throws Exception {
        ServerSocket server;
        if (mode == Mode.PLAIN_TEXT) {
            server = new ServerSocket();
        } else {
            SSLServerSocket s = (SSLServerSocket) TlsFuzzTest.serverContext().getServerSocketFactory().createServerSocket();
            s.setEnabledProtocols(tls13 ? new String[] {"TLSv1.3", "TLSv1.2"} : new String[] {"TLSv1.2"});
            server = s;
        }
        server.bind(new InetSocketAddress(LOOPBACK, 0));
        Thread t = new Thread(() -> accept(server, mode), "tls-peer");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static void accept(ServerSocket server, Mode mode) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                if (mode == Mode.PLAIN_TEXT) {
                    s.getOutputStream().write("220 not TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                    continue;
                }
                try {
                    ((SSLSocket) s).startHandshake();
                } catch (IOException connectProbeOnly) {
                    continue;
                }
                if (mode == Mode.CLOSE_AFTER_HANDSHAKE) {
                    continue;
                }
                InputStream in = s.getInputStream();
                DataInputStream data = new DataInputStream(in);
                byte[] header = new byte[2];
                data.readFully(header);
                data.readFully(new byte[header[1]]);
                OutputStream out = s.getOutputStream();
                out.write(LDAP_ANSWER);
                out.flush();
                in.read();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }
}
