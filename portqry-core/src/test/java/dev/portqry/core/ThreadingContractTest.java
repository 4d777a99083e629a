package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The documented threading rule: without a completion executor, a future completes on the event
 * loop ({@code portqry-*}) that finished the work; with one, every handed-out future (probe,
 * resolve, scan) completes on it, while scan listeners stay on the event loop. Plus the lambda
 * listeners and the name overloads.
 */
class ThreadingContractTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ResponderRegistry LINES = ResponderRegistry.builder().add(new LineResponder()).build();

    @Test
    void withoutAnExecutorFuturesCompleteOnTheEventLoop() throws Exception {
        try (SlowGreeter server = new SlowGreeter(); PortProbe probe = PortProbe.builder().responders(LINES).build()) {
            String thread = probe.probe(LO, Protocol.TCP, server.port(), forced(probe))
                    .thenApply(s -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
            assertThat(thread).startsWith("portqry-");
        }
    }

    @Test
    void aCompletionExecutorCompletesEveryHandedOutFuture() throws Exception {
        ExecutorService app = Executors.newFixedThreadPool(2, r -> new Thread(r, "app-pool"));
        try (SlowGreeter server = new SlowGreeter();
             PortProbe probe = PortProbe.builder().responders(LINES).completionExecutor(app).build()) {
            String onProbe = probe.probe(LO, Protocol.TCP, server.port(), forced(probe))
                    .thenApply(s -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
            assertThat(onProbe).isEqualTo("app-pool");

            List<String> listenerThreads = new CopyOnWriteArrayList<>();
            Scan scan = probe.scan(probe.resolve("127.0.0.1").get(30, TimeUnit.SECONDS),
                    List.of(new PortSpec(Protocol.TCP, server.port())), forced(probe),
                    ScanListener.each(s -> listenerThreads.add(Thread.currentThread().getName())));
            String onScan = scan.completion().thenApply(all -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
            assertThat(onScan).isEqualTo("app-pool");
            assertThat(listenerThreads).singleElement().asString().startsWith("portqry-");
        } finally {
            app.shutdownNow();
        }
    }

    @Test
    void lambdaListenersAndNameOverloads() throws Exception {
        try (ServerSocket open = LoopbackPorts.tcpListener(LO); PortProbe probe = PortProbe.builder().build()) {
            int closed = LoopbackPorts.closedTcpPort(LO);
            List<PortSpec> ports = List.of(new PortSpec(Protocol.TCP, open.getLocalPort()), new PortSpec(Protocol.TCP, closed));
            List<PortState> inOrder = new CopyOnWriteArrayList<>();
            List<PortStatus> all = probe.scan("127.0.0.1", ports, probe.defaultOptions(),
                    ScanListener.inOrder(s -> inOrder.add(s.state()))).get(30, TimeUnit.SECONDS);
            assertThat(all).extracting(PortStatus::state).containsExactly(PortState.LISTENING, PortState.NOT_LISTENING);
            assertThat(inOrder).containsExactly(PortState.LISTENING, PortState.NOT_LISTENING);
            assertThat(probe.scan("127.0.0.1", ports).get(30, TimeUnit.SECONDS)).hasSize(2);
            assertThat(probe.resolve("127.0.0.1").get(30, TimeUnit.SECONDS).first()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        }
    }

    @Test
    void statesPrintAsPortQryWordsAndDecodeErrorsNameTheirProtocolOnce() {
        assertThat(PortState.LISTENING_OR_FILTERED).hasToString("LISTENING or FILTERED");
        assertThat(PortState.NOT_LISTENING.name()).isEqualTo("NOT_LISTENING");
        String message = new ProtocolDecodeException("memcached", "bad header").getMessage();
        assertThat(new ResponderOutcome.Unparseable("memcached", message, new byte[] {1}).toString())
                .isEqualTo("Unparseable[memcached: bad header, first bytes 01]");
    }

    private static ProbeOptions forced(PortProbe probe) {
        return probe.defaultOptions().toBuilder().responder(ResponderSelection.forced("line")).build();
    }

    /** Accepts, reads the query, waits 300 ms, then answers: the probe is still running when the test adds its stage. */
    private static final class SlowGreeter implements AutoCloseable {
        private final ServerSocket server = LoopbackPorts.tcpListener(LO);
        private final Thread thread = new Thread(this::serve, "slow-greeter");

        SlowGreeter() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[64]);
                    Thread.sleep(300);
                    out.write("+hello\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
