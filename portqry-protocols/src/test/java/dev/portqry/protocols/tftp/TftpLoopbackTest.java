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
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** TFTP through a real {@link PortProbe}: a loopback peer that answers from a new transfer port, as RFC 1350 says. */
class TftpLoopbackTest {
    private static final ProbeOptions OPTS = ProbeOptions.builder().udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.forced("tftp")).build();

    @Test
    void errorFromTheTransferPortProvesListening() throws Exception {
        try (TransferPortPeer peer = new TransferPortPeer(GoldenVectors.raw("tftp/error-file-not-found.bin"));
             PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new TftpResponder()).build()).build()) {
            PortStatus st = probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), OPTS).get(10, TimeUnit.SECONDS);

            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            TftpResult r = st.result(TftpResult.class).orElseThrow();
            assertThat(r.error()).get().extracting(TftpError::code).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
            assertThat(r.request().fileName()).matches("portqry-probe-[0-9a-f]{16}\\.txt");
            assertThat(r.reportLines()).contains("Opcode: ERROR (5)", "Error code: 1 (File not found)", "Error message: File not found");
            byte[] rrq = peer.requests.poll(1, TimeUnit.SECONDS);
            assertThat(rrq).isNotNull();
            assertThat(new String(rrq, 2, rrq.length - 2, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo(r.request().fileName() + "\0octet\0");
        }
    }

    @Test
    void chosenFileNameIsAskedFor() throws Exception {
        try (TransferPortPeer peer = new TransferPortPeer(GoldenVectors.raw("tftp/data-hello.bin"));
             PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new TftpResponder()).build()).build()) {
            ProbeOptions opts = OPTS.toBuilder().set(TftpResponder.FILE_NAME, "hello.txt").build();
            TftpResult r = probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, peer.port(), opts)
                    .get(10, TimeUnit.SECONDS).result(TftpResult.class).orElseThrow();
            assertThat(r.fileExists()).isTrue();
            assertThat(r.request().fileName()).isEqualTo("hello.txt");
        }
    }

    /** Answers each RRQ from a second socket, as a TFTP server answers from its new transfer ID. */
    private static final class TransferPortPeer implements AutoCloseable {
        final BlockingQueue<byte[]> requests = new ArrayBlockingQueue<>(16);
        private final DatagramSocket listener;
        private final DatagramSocket transfer;
        private final Thread thread;

        TransferPortPeer(byte[] reply) throws IOException {
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            listener = new DatagramSocket(new InetSocketAddress(lo, 0));
            transfer = new DatagramSocket(new InetSocketAddress(lo, 0));
            thread = new Thread(() -> serve(reply), "tftp-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serve(byte[] reply) {
            byte[] buf = new byte[1024];
            while (!listener.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    listener.receive(p);
                    if (p.getLength() > 2 && buf[1] == 1) {
                        requests.add(java.util.Arrays.copyOf(buf, p.getLength()));
                        transfer.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            listener.close();
            transfer.close();
            thread.join(2000);
        }
    }
}
