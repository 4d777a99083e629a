package dev.portqry.protocols.msrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ResponderRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint-mapper follow-up's row of the fault matrix: its future completes whatever
 * happens to the probe under it (closed, event loop shut down, cancelled), and a call on a
 * closed probe fails fast like every other entry point.
 */
class DynamicPortCheckFaultTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    /** Long enough that only the fault can end the check. */
    private static final ProbeOptions SLOW = ProbeOptions.builder().tcpConnectTimeout(Duration.ofSeconds(30)).tcpAttempts(1).build();

    private ServerSocket open;
    private ServerSocket full;
    private final List<Socket> fillers = new ArrayList<>();

    /** An open port, and one whose accept queue is full (its SYNs are dropped: the connect waits). */
    @BeforeEach
    void peers() throws IOException {
        open = new ServerSocket(0, 64, LO);
        full = new ServerSocket(0, 1, LO);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(full.getLocalSocketAddress(), 200);
                fillers.add(s);
            } catch (IOException e) {
                s.close();
                break;
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        open.close();
        full.close();
    }

    private List<Integer> ports() {
        return List.of(open.getLocalPort(), full.getLocalPort());
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(SLOW.tcpConnectTimeout().toMillis() / 2, TimeUnit.MILLISECONDS);
            throw new AssertionError("completed normally");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        }
    }

    @Test
    void closeWhileCheckingFailsTheFuture() throws Exception {
        PortProbe p = PortProbe.builder().responders(ResponderRegistry.empty()).build();
        CompletableFuture<List<PortStatus>> f = DynamicPortCheck.check(p, LO, ports(), SLOW);
        Thread.sleep(300);
        p.close();
        assertThat(failure(f)).isInstanceOf(IllegalStateException.class).hasMessage("PortProbe is closed");
    }

    @Test
    void aBorrowedEventLoopShutDownFailsTheFuture() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (PortProbe p = PortProbe.builder().eventLoopGroup(group).responders(ResponderRegistry.empty()).build()) {
            CompletableFuture<List<PortStatus>> f = DynamicPortCheck.check(p, LO, ports(), SLOW);
            Thread.sleep(300);
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            assertThat(failure(f)).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("PortProbe is closed");
        }
    }

    @Test
    void cancellingTheCheckCancelsItsProbes() throws Exception {
        try (PortProbe p = PortProbe.builder().responders(ResponderRegistry.empty()).build()) {
            CompletableFuture<List<PortStatus>> f = DynamicPortCheck.check(p, LO, ports(), SLOW);
            Thread.sleep(300);
            f.cancel(true);
            assertThat(failure(f)).isInstanceOf(CancellationException.class);
            // The probe still works: nothing of the check is left holding it.
            assertThat(DynamicPortCheck.check(p, LO, List.of(open.getLocalPort()), SLOW).get(30, TimeUnit.SECONDS))
                    .extracting(PortStatus::state).containsExactly(PortState.LISTENING);
        }
    }

    @Test
    void aClosedProbeFailsFast() {
        PortProbe p = PortProbe.builder().responders(ResponderRegistry.empty()).build();
        p.close();
        assertThatThrownBy(() -> DynamicPortCheck.check(p, LO, ports(), SLOW))
                .isInstanceOf(IllegalStateException.class).hasMessage("PortProbe is closed");
        assertThat(PortProbe.deadline(Protocol.TCP, SLOW)).isGreaterThan(SLOW.tcpConnectTimeout());
    }
}
