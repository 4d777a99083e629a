package dev.portqry.protocols.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.ConnectionMode;
import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A health check whose expectation needs the protocol query costs the monitored server one TCP
 * connection per run by default ({@link ConnectionMode#SHARED}), two with PortQry's
 * {@link ConnectionMode#SEPARATE}; the verdict is the same.
 */
class HealthCheckConnectionTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    /** UP when the SMTP responder read a greeting. */
    private static final Expectation SMTP_GREETS = new Expectation() {
        @Override
        public String description() {
            return "SMTP greeting";
        }

        @Override
        public ProbeOptions options(ProbeOptions base, HealthCheck check) {
            return base.toBuilder().responder(ResponderSelection.forced("smtp")).build();
        }

        @Override
        public CompletableFuture<Verdict> evaluate(PortProbe probe, PortStatus status, ProbeOptions options) {
            boolean answered = status.responder().filter(ResponderOutcome.Answered.class::isInstance).isPresent();
            return CompletableFuture.completedFuture(answered ? Verdict.met("greeted") : Verdict.failed("no greeting"));
        }
    };

    /** Greets each connection, then waits for the client to leave; counts connections. */
    private static final class SmtpServer implements AutoCloseable {
        final ServerSocket socket = LoopbackPorts.tcpListener(LO);
        final AtomicInteger accepted = new AtomicInteger();

        SmtpServer() throws IOException {
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket c = socket.accept()) {
                        accepted.incrementAndGet();
                        c.setSoTimeout(10_000);
                        c.getOutputStream().write("220 mail.example.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                        c.getOutputStream().flush();
                        InputStream in = c.getInputStream();
                        while (in.read() != -1) {
                            // QUIT, then the probe closes
                        }
                    } catch (IOException e) {
                        // a connection reset by the probe, or the test closing the socket
                    }
                }
            }, "smtp-server");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static CheckResult runOnce(SmtpServer server, PortProbe probe, ProbeOptions options) {
        HealthCheck check = HealthCheck.builder("smtp").target(LO.getHostAddress()).tcp(server.socket.getLocalPort())
                .expectation(SMTP_GREETS).build();
        return HealthChecks.runAll(probe, options, List.of(check)).join().get(0);
    }

    private static void awaitAccepted(SmtpServer server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.accepted.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // a stray extra connection would show up by now
    }

    @Test
    void oneConnectionPerRunByDefault() throws Exception {
        try (SmtpServer server = new SmtpServer(); PortProbe probe = PortProbe.builder().build()) {
            CheckResult r = runOnce(server, probe, probe.defaultOptions());

            assertThat(r.state()).isEqualTo(HealthState.UP);
            awaitAccepted(server, 1);
            assertThat(server.accepted).hasValue(1);
        }
    }

    @Test
    void portQrysTwoConnectionsWhenAsked() throws Exception {
        try (SmtpServer server = new SmtpServer(); PortProbe probe = PortProbe.builder().build()) {
            ProbeOptions separate = probe.defaultOptions().toBuilder().connectionMode(ConnectionMode.SEPARATE).build();
            CheckResult r = runOnce(server, probe, separate);

            assertThat(r.state()).isEqualTo(HealthState.UP);
            awaitAccepted(server, 2);
            assertThat(server.accepted).hasValue(2);
        }
    }
}
