package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionMode}: the server sees one connection per probe with a responder under
 * SHARED (the default) and two under SEPARATE, with the same verdict and result.
 */
class ConnectionModeLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions LINE = ProbeOptions.builder().responder(ResponderSelection.forced("line")).build();

    /** Answers "+OK" to a line; counts accepted connections and the connections that sent a query. */
    private static final class LineServer implements AutoCloseable {
        final ServerSocket socket = LoopbackPorts.tcpListener(LO);
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger queried = new AtomicInteger();
        final CountDownLatch closedAfterQuery = new CountDownLatch(1);

        LineServer() throws IOException {
            Thread t = new Thread(this::serve, "line-server");
            t.setDaemon(true);
            t.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    accepted.incrementAndGet();
                    c.setSoTimeout(10_000);
                    InputStream in = c.getInputStream();
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        // the query's line
                    }
                    if (b == '\n') {
                        queried.incrementAndGet();
                        c.getOutputStream().write("+OK\n".getBytes(StandardCharsets.US_ASCII));
                        c.getOutputStream().flush();
                        in.read(); // until the probe hangs up
                        closedAfterQuery.countDown();
                    }
                } catch (IOException e) {
                    // a reset connect-only connection, or the test closing the socket
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static PortProbe probe() {
        return PortProbe.builder().responders(ResponderRegistry.builder().add(new LineResponder()).build()).build();
    }

    private static PortStatus run(LineServer server, ProbeOptions options) throws Exception {
        try (PortProbe p = probe()) {
            PortStatus s = p.probe(LO, Protocol.TCP, server.socket.getLocalPort(), options).get(10, TimeUnit.SECONDS);
            assertThat(server.closedAfterQuery.await(10, TimeUnit.SECONDS)).as("the query connection ended").isTrue();
            return s;
        }
    }

    @Test
    void sharedByDefaultUsesOneConnection() throws Exception {
        assertThat(ProbeOptions.defaults().connectionMode()).isEqualTo(ConnectionMode.SHARED);
        try (LineServer server = new LineServer()) {
            PortStatus s = run(server, LINE);

            assertThat(s.state()).isEqualTo(PortState.LISTENING);
            assertThat(s.result(LineResponder.LineResult.class)).map(LineResponder.LineResult::line).contains("+OK");
            assertThat(server.accepted).hasValue(1);
            assertThat(server.queried).hasValue(1);
        }
    }

    @Test
    void separateUsesTwoConnectionsWithTheSameResult() throws Exception {
        try (LineServer server = new LineServer()) {
            PortStatus s = run(server, LINE.toBuilder().connectionMode(ConnectionMode.SEPARATE).build());

            assertThat(s.state()).isEqualTo(PortState.LISTENING);
            assertThat(s.reason()).isEqualTo("connection accepted");
            assertThat(s.result(LineResponder.LineResult.class)).map(LineResponder.LineResult::line).contains("+OK");
            assertThat(server.accepted).hasValue(2);
            assertThat(server.queried).hasValue(1);
        }
    }

    @Test
    void separateWithoutResponderConnectsOnce() throws Exception {
        try (LineServer server = new LineServer(); PortProbe p = probe()) {
            ProbeOptions plain = LINE.toBuilder().responder(ResponderSelection.NONE).connectionMode(ConnectionMode.SEPARATE).build();
            PortStatus s = p.probe(LO, Protocol.TCP, server.socket.getLocalPort(), plain).get(10, TimeUnit.SECONDS);

            assertThat(s.state()).isEqualTo(PortState.LISTENING);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.accepted.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.accepted).hasValue(1);
        }
    }
}
