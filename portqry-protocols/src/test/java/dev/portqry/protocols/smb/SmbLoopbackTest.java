package dev.portqry.protocols.smb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.GoldenVectors;
import dev.portqry.testkit.LoopbackPorts;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SMB responder through a real PortProbe against fake servers on loopback. */
class SmbLoopbackTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .responder(ResponderSelection.forced("smb")).responderTimeout(Duration.ofSeconds(3)).build();
    /** An SMB1 NEGOTIATE error as an SMB1-only server could send: 0xFF 'SMB', command 0x72, STATUS_NOT_SUPPORTED. */
    private static final byte[] SMB1_ANSWER = {
        0x00, 0x00, 0x00, 0x23,                              // session message, 35 bytes
        (byte) 0xff, 'S', 'M', 'B', 0x72,                    // protocol id, command NEGOTIATE
        (byte) 0xbb, 0x00, 0x00, (byte) 0xc0,                // status 0xC00000BB little-endian
        (byte) 0x88, 0x01, (byte) 0xc8,                      // flags, flags2 (NT status)
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // PIDHigh .. MID
        0x00, 0x00, 0x00,                                    // word count 0, byte count 0
    };
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new SmbResponder()).build()).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @Test
    void negotiateResponseIsDecoded() throws Exception {
        try (ServerSocket server = serve(frames(GoldenVectors.hex("smb/exchange-445.hex")))) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), OPTS).get();
            SmbResult r = st.result(SmbResult.class).orElseThrow(() -> new AssertionError(st.toString()));
            assertThat(r.transport()).isEqualTo("direct TCP");
            assertThat(r.dialect()).contains(SmbDialect.SMB_3_1_1);
            assertThat(r.summary()).isEqualTo("SMB 3.1.1 signing required");
        }
    }

    @Test
    void smb1OnlyServerIsReported() throws Exception {
        try (ServerSocket server = serve(List.of(SMB1_ANSWER))) {
            SmbResult r = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), OPTS).get()
                    .result(SmbResult.class).orElseThrow();
            assertThat(r.smb1().orElseThrow().status().name()).isEqualTo("STATUS_NOT_SUPPORTED");
            assertThat(r.dialect()).isEmpty();
            assertThat(r.summary()).isEqualTo("SMB1 only");
        }
    }

    @Test
    void capturedSmb1OnlyServerIsReported() throws Exception {
        try (ServerSocket server = serve(frames(GoldenVectors.hex("smb/smb1-only-exchange-445.hex")))) {
            SmbResult r = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), OPTS).get()
                    .result(SmbResult.class).orElseThrow();
            assertThat(r.smb1().orElseThrow().dialect()).isEqualTo("NT LM 0.12");
        }
    }

    @Test
    void garbageIsUnparseable() throws Exception {
        try (ServerSocket server = serve(List.of(new byte[] {0x00, 0x00, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8}))) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.TCP, server.getLocalPort(), OPTS).get();
            assertThat(st.responder()).containsInstanceOf(ResponderOutcome.Unparseable.class);
        }
    }

    /** Splits a captured exchange into its frames (4-byte header with a 24-bit length). */
    private static List<byte[]> frames(byte[] exchange) {
        List<byte[]> out = new ArrayList<>();
        for (int p = 0; p < exchange.length; ) {
            int length = ((exchange[p + 1] & 0xff) << 16) | ((exchange[p + 2] & 0xff) << 8) | (exchange[p + 3] & 0xff);
            out.add(Arrays.copyOfRange(exchange, p, p + 4 + length));
            p += 4 + length;
        }
        return out;
    }

    /** Answers the n-th framed request with the n-th reply, then waits for the client to close. */
    private static ServerSocket serve(List<byte[]> replies) throws IOException {
        ServerSocket server = LoopbackPorts.tcpListener(LOOPBACK);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    for (byte[] reply : replies) {
                        int length;
                        try {
                            length = in.readInt();
                        } catch (IOException connectOnlyOrDone) {
                            break;
                        }
                        in.readFully(new byte[length & 0xffffff]);
                        s.getOutputStream().write(reply);
                        s.getOutputStream().flush();
                    }
                    in.read();
                } catch (IOException e) {
                    return;
                }
            }
        }, "smb-peer");
        t.setDaemon(true);
        t.start();
        return server;
    }
}
