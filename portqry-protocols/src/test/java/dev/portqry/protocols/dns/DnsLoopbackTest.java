package dev.portqry.protocols.dns;

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
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DNS responder through a real PortProbe against loopback peers replaying Samba's captured replies. */
class DnsLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static PortProbe probe;
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.forced("dns"))
            .set(DnsResponder.QUERY_NAME, "dc1.corp.example.test")
            .build();

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new DnsResponder()).build())
                .defaultOptions(OPTS).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    /** Answers with the golden reply carrying the query's ID; the one-byte plain probe gets nothing. */
    private static byte[] replay(byte[] query, byte[] golden) {
        if (query.length < 12) {
            return null;
        }
        byte[] reply = golden.clone();
        reply[0] = query[0];
        reply[1] = query[1];
        return reply;
    }

    @Test
    void udpAnswerTurnsListeningOrFilteredIntoListening() throws Exception {
        byte[] golden = GoldenVectors.hex("dns/samba-a-dc1-udp.hex");
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> replay(q, golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            DnsResult a = st.result(DnsResult.class).orElseThrow();
            assertThat(a.answers()).extracting(DnsResourceRecord::data).containsExactly("127.0.0.1");
        }
    }

    @Test
    void aNegativeAnswerStillProvesListening() throws Exception {
        byte[] golden = GoldenVectors.hex("dns/samba-root-ns-udp.hex");
        ProbeOptions root = OPTS.toBuilder().set(DnsResponder.QUERY_NAME, "").build();
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> replay(q, golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port(), root).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.result(DnsResult.class).orElseThrow().rcode()).isEqualTo(DnsResponseCode.FORMERR);
        }
    }

    @Test
    void garbageIsUnparseableButListening() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.udp(LO,
                q -> q.length < 12 ? null : new byte[] {q[0], q[1], (byte) 0x84, 0, 0, 1})) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.Unparseable.class);
        }
    }

    @Test
    void silenceIsFiltered() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> null)) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(st.state()).isEqualTo(PortState.FILTERED);
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
        }
    }

    @Test
    void tcpUsesTheLengthPrefixBothWays() throws Exception {
        byte[] golden = GoldenVectors.hex("dns/samba-a-dc1-tcp.hex");
        try (ServerSocket server = LoopbackPorts.tcpListener(LO)) {
            Thread t = new Thread(() -> serveOnce(server, golden), "dns-tcp-replay");
            t.setDaemon(true);
            t.start();
            PortStatus st = probe.probe(LO, Protocol.TCP, server.getLocalPort()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.result(DnsResult.class).orElseThrow().flags().authoritative()).isTrue();
            t.join(2000);
        }
    }

    /** Reads one length-prefixed query and answers in two segments, to exercise reassembly. */
    private static void serveOnce(ServerSocket server, byte[] golden) {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] query = new byte[in.readUnsignedShort()];
            in.readFully(query);
            byte[] reply = golden.clone();
            reply[2] = query[0];
            reply[3] = query[1];
            OutputStream out = s.getOutputStream();
            out.write(Arrays.copyOf(reply, 7));
            out.flush();
            Thread.sleep(50);
            out.write(Arrays.copyOfRange(reply, 7, reply.length));
            out.flush();
            in.read();
        } catch (IOException | InterruptedException e) {
            // the probe closed first: nothing left to check here
        }
    }
}
