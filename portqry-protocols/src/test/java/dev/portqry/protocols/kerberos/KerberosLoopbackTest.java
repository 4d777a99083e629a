package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.kerberos.internal.AsReq;
import dev.portqry.testkit.GoldenVectors;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kerberos responder through a real PortProbe against fake KDCs on loopback sockets. */
class KerberosLoopbackTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .responder(ResponderSelection.forced("kerberos"))
            .set(KerberosResponder.REALM, "LOOP.TEST")
            .udpTimeout(Duration.ofMillis(500))
            .responderTimeout(Duration.ofSeconds(3))
            .build();
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new KerberosResponder()).build()).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    /** A KDC that answers every AS-REQ with KDC_ERR_C_PRINCIPAL_UNKNOWN, echoing the client, 10 s ahead of us. */
    private static byte[] kdcAnswer(byte[] request) {
        AsReq req = AsReq.decode(request);
        return new KrbError(KerberosErrorCode.KDC_ERR_C_PRINCIPAL_UNKNOWN, req.realm(), req.server(),
                Instant.now().plusSeconds(10), Optional.of(req.realm()), Optional.of(req.client()), Optional.empty(),
                new byte[0]).encode();
    }

    @Test
    void tcpKdcAnswerIsDecoded() throws Exception {
        try (ServerSocket server = LoopbackPorts.tcpListener(LOOPBACK)) {
            Thread kdc = new Thread(() -> serveTcp(server));
            kdc.setDaemon(true);
            kdc.start();
            PortStatus st = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), OPTS).get();
            KerberosResult r = st.result(KerberosResult.class).orElseThrow(() -> new AssertionError(st.toString()));
            assertThat(r.requestedRealm()).isEqualTo("LOOP.TEST");
            assertThat(r.realmSource()).isEqualTo("kerberos.realm setting");
            assertThat(r.errorCode()).contains(KerberosErrorCode.KDC_ERR_C_PRINCIPAL_UNKNOWN);
            assertThat(r.clockSkew().orElseThrow()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(11));
            assertThat(r.reportLines()).first().isEqualTo("Kerberos query response:");
            assertThat(r.reportLines()).last().isEqualTo("==== End of Kerberos query response ====");
            assertThat(r.reportLines()).contains("Error code: KDC_ERR_C_PRINCIPAL_UNKNOWN (6)", "Realm: LOOP.TEST");
        }
    }

    /** Reads one length-prefixed AS-REQ, answers in two writes to exercise reassembly. */
    private static void serveTcp(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                int length;
                try {
                    length = in.readInt();
                } catch (IOException connectOnly) {
                    continue;
                }
                byte[] req = new byte[length];
                in.readFully(req);
                byte[] reply = kdcAnswer(req);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(reply.length);
                out.write(reply, 0, 7);
                out.flush();
                Thread.sleep(20);
                out.write(reply, 7, reply.length - 7);
                out.flush();
                in.read();
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    @Test
    void udpKdcAnswerIsDecoded() throws Exception {
        try (LoopbackPeer kdc = LoopbackPeer.udp(LOOPBACK, KerberosLoopbackTest::answerIfAsReq)) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.UDP, kdc.port(), OPTS).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            KerberosResult r = st.result(KerberosResult.class).orElseThrow(() -> new AssertionError(st.toString()));
            assertThat(r.reply().realm()).isEqualTo("LOOP.TEST");
            assertThat(r.summary()).startsWith("KDC_ERR_C_PRINCIPAL_UNKNOWN realm=LOOP.TEST skew=+");
        }
    }

    @Test
    void udpReplyForAnotherClientIsIgnored() throws Exception {
        byte[] someoneElses = GoldenVectors.hex("kerberos/udp-krb-error-c-principal-unknown.hex");
        try (LoopbackPeer kdc = LoopbackPeer.udp(LOOPBACK, in -> in.length > 1 ? someoneElses : null)) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.UDP, kdc.port(), OPTS).get();
            assertThat(st.result(KerberosResult.class)).isEmpty();
            assertThat(st.responder()).containsInstanceOf(ResponderOutcome.NoReply.class);
        }
    }

    @Test
    void garbageIsUnparseableNotAFailure() throws Exception {
        try (LoopbackPeer kdc = LoopbackPeer.udp(LOOPBACK, in -> new byte[] {0x7e, 0x05, 1, 2})) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.UDP, kdc.port(), OPTS).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).containsInstanceOf(ResponderOutcome.Unparseable.class);
        }
    }

    @Test
    void realmFallsBackToAPlaceholderForAnAddress() throws Exception {
        ProbeOptions noRealm = OPTS.toBuilder().set(KerberosResponder.REALM, "").build();
        try (LoopbackPeer kdc = LoopbackPeer.udp(LOOPBACK, KerberosLoopbackTest::answerIfAsReq)) {
            KerberosResult r = probe.probe(LOOPBACK, Protocol.UDP, kdc.port(), noRealm).get()
                    .result(KerberosResult.class).orElseThrow();
            assertThat(r.requestedRealm()).isEqualTo(KerberosResponder.FALLBACK_REALM);
            assertThat(r.realmSource()).contains("placeholder");
        }
    }

    private static byte[] answerIfAsReq(byte[] in) {
        return in.length > 1 ? kdcAnswer(in) : null;
    }
}
