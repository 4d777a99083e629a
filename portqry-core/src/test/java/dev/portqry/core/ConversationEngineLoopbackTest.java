package dev.portqry.core;

import dev.portqry.testkit.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Step 2 through the real engine on loopback: answers, garbage, silence, floods, forced and disabled responders. */
class ConversationEngineLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static PortProbe probe;
    /** Answers end the waits, so they are long; the silence tests shorten them with {@link #SILENT}. */
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .udpTimeout(Duration.ofSeconds(5)).responderTimeout(Duration.ofSeconds(10))
            .maxReplyBytes(4096).responder(ResponderSelection.forced("line")).build();
    private static final ProbeOptions SILENT = OPTS.toBuilder()
            .udpTimeout(Duration.ofMillis(300)).responderTimeout(Duration.ofMillis(800)).build();

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new LineResponder()).build())
                .defaultOptions(OPTS).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    /** A TCP server that hands each connection to {@code behaviour}. */
    private static ServerSocket server(BiConsumer<InputStream, OutputStream> behaviour) throws IOException {
        ServerSocket s = LoopbackPorts.tcpListener(LO);
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    behaviour.accept(c.getInputStream(), c.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    private static String readLine(InputStream in) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int c; (c = in.read()) != -1 && c != '\n'; ) {
                sb.append((char) c);
            }
        } catch (IOException e) {
            return sb.toString();
        }
        return sb.toString();
    }

    private static void write(OutputStream out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the probe hung up: fine
        }
    }

    @Test
    void tcpAnswerSplitAcrossWritesIsDecoded() throws Exception {
        try (ServerSocket s = server((in, out) -> {
            String q = readLine(in);
            for (char c : ("+PONG " + q.substring(5) + "\n").toCharArray()) {
                write(out, String.valueOf(c));
            }
        })) {
            ProbeOptions o = OPTS.toBuilder().set(LineResponder.WORD, "abc").build();
            PortStatus st = probe.probe(LO, Protocol.TCP, s.getLocalPort(), o).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.result(LineResponder.LineResult.class)).map(LineResponder.LineResult::line).contains("+PONG abc");
        }
    }

    @Test
    void tcpGarbageIsUnparseableButListening() throws Exception {
        try (ServerSocket s = server((in, out) -> {
            readLine(in);
            write(out, "-ERR go away\n");
        })) {
            PortStatus st = probe.probe(LO, Protocol.TCP, s.getLocalPort()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class, u -> {
                assertThat(u.error()).contains("reply must start with +");
                assertThat(new String(u.firstBytes(), StandardCharsets.US_ASCII)).isEqualTo("-ERR go away\n");
            });
        }
    }

    @Test
    void tcpSilenceEndsAtTheDeadlineWithTheHint() throws Exception {
        try (ServerSocket s = server((in, out) -> {
            readLine(in);
            readLine(in); // holds the connection open, silent, until the probe hangs up
        })) {
            PortStatus st = probe.probe(LO, Protocol.TCP, s.getLocalPort(), SILENT).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.NoReply.class, n ->
                    assertThat(n.reason()).contains("within 800 ms").contains("is the line server up?"));
        }
    }

    @Test
    void tcpFloodIsCutAtTheCap() throws Exception {
        try (ServerSocket s = server((in, out) -> {
            byte[] chunk = new byte[1024];
            for (int i = 0; i < 1024; i++) {
                try {
                    out.write(chunk);
                } catch (IOException e) {
                    return;
                }
            }
        })) {
            PortStatus st = probe.probe(LO, Protocol.TCP, s.getLocalPort()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class, u ->
                    assertThat(u.error()).isEqualTo("reply larger than the cap of 4096 bytes"));
        }
    }

    @Test
    void tcpCloseBeforeReplyIsNoReply() throws Exception {
        try (ServerSocket s = server((in, out) -> { })) {
            PortStatus st = probe.probe(LO, Protocol.TCP, s.getLocalPort()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
        }
    }

    @Test
    void udpSilentPlainButAnsweredQueryBecomesListening() throws Exception {
        try (LoopbackPeer r = LoopbackPeer.udp(LO, in ->
                in.length > 1 ? "+PONG\n".getBytes(StandardCharsets.US_ASCII) : null)) {
            PortStatus st = probe.probe(LO, Protocol.UDP, r.port(), OPTS.toBuilder().udpTimeout(Duration.ofSeconds(1)).build()).get();
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.result(LineResponder.LineResult.class)).map(LineResponder.LineResult::line).contains("+PONG");
        }
    }

    @Test
    void udpSilenceToTheQueryIsFilteredWithTheHint() throws Exception {
        try (LoopbackPeer r = LoopbackPeer.udp(LO, in -> null)) {
            PortStatus st = probe.probe(LO, Protocol.UDP, r.port(), SILENT).get();
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
            assertThat(st.state()).isEqualTo(PortState.FILTERED);
            assertThat(st.reason()).isEqualTo("no reply to the LINE query after 1 attempt of 300 ms; is the line server up?");
        }
    }

    @Test
    void udpGarbageIsUnparseableButListening() throws Exception {
        try (LoopbackPeer r = LoopbackPeer.udp(LO, in ->
                in.length > 1 ? new byte[] {(byte) 0xff, 0x00} : null)) {
            PortStatus st = probe.probe(LO, Protocol.UDP, r.port(), OPTS.toBuilder().udpTimeout(Duration.ofSeconds(1)).build()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.Unparseable.class);
        }
    }

    @Test
    void udpClosedPortSkipsTheQuery() throws Exception {
        PortStatus st = probe.probe(LO, Protocol.UDP, LoopbackPorts.closedUdpPort(LO)).get();
        assertThat(st.state()).isEqualTo(PortState.NOT_LISTENING);
        assertThat(st.responder()).isEmpty();
    }

    @Test
    void disabledResponderGivesPortStateOnly() throws Exception {
        try (ServerSocket s = server((in, out) -> readLine(in))) {
            ProbeOptions none = OPTS.toBuilder().responder(ResponderSelection.NONE).build();
            PortStatus st = probe.probe(LO, Protocol.TCP, s.getLocalPort(), none).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).isEmpty();
        }
    }
}
