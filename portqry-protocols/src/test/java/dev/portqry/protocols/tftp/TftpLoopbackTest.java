package dev.portqry.protocols.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.GoldenVectors;
import dev.portqry.testkit.LoopbackPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** TFTP through a real {@link PortProbe}: a loopback peer that answers from a new transfer port, as RFC 1350 says. */
class TftpLoopbackTest {
    private static final ProbeOptions OPTS = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.forced("tftp")).build();

    @Test
    void errorFromTheTransferPortProvesListening() throws Exception {
        try (LoopbackPeer peer = transferPortPeer(GoldenVectors.raw("tftp/error-file-not-found.bin"));
             PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new TftpResponder()).build()).build()) {
            PortStatus st = probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), OPTS).get(10, TimeUnit.SECONDS);

            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            TftpResult r = st.result(TftpResult.class).orElseThrow();
            assertThat(r.error()).get().extracting(TftpError::code).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
            assertThat(r.request().fileName()).matches("portqry-probe-[0-9a-f]{16}\\.txt");
            assertThat(r.reportLines()).contains("Opcode: ERROR (5)", "Error code: 1 (File not found)", "Error message: File not found");
            byte[] rrq = firstReadRequest(peer);
            assertThat(rrq).isNotNull();
            assertThat(new String(rrq, 2, rrq.length - 2, StandardCharsets.US_ASCII))
                    .isEqualTo(r.request().fileName() + "\0octet\0");
        }
    }

    @Test
    void chosenFileNameIsAskedFor() throws Exception {
        try (LoopbackPeer peer = transferPortPeer(GoldenVectors.raw("tftp/data-hello.bin"));
             PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new TftpResponder()).build()).build()) {
            ProbeOptions opts = OPTS.toBuilder().set(TftpResponder.FILE_NAME, "hello.txt").build();
            TftpResult r = probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), opts)
                    .get(10, TimeUnit.SECONDS).result(TftpResult.class).orElseThrow();
            assertThat(r.fileExists()).isTrue();
            assertThat(r.request().fileName()).isEqualTo("hello.txt");
        }
    }

    /** A peer that answers each RRQ from a second port, as a TFTP server answers from its new transfer ID. */
    private static LoopbackPeer transferPortPeer(byte[] reply) throws IOException {
        return LoopbackPeer.udpScripted(InetAddress.getByName("127.0.0.1"), d -> {
            if (isReadRequest(d.payload())) {
                d.replyFromAnotherPort(reply);
            }
        });
    }

    private static boolean isReadRequest(byte[] datagram) {
        return datagram.length > 2 && datagram[1] == 1;
    }

    /** @return the first RRQ the peer received, skipping any other datagram */
    private static byte[] firstReadRequest(LoopbackPeer peer) throws InterruptedException {
        for (byte[] d = peer.takeReceived(Duration.ofSeconds(1)); d != null; d = peer.takeReceived(Duration.ofSeconds(1))) {
            if (isReadRequest(d)) {
                return d;
            }
        }
        return null;
    }
}
