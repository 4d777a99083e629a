package dev.portqry.ui;

import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.spi.ResponderRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * What the UI's unit tests query on loopback: a greeting server its {@link DemoResponder} reads,
 * a UDP port that never answers, and the engine that knows the responder.
 */
final class UiPeers implements AutoCloseable {
    /**
     * Long enough that a silent UDP port keeps a query running until the test ends it; and TCP
     * deadlines far beyond what a loopback peer needs even on a loaded machine, so that no
     * verdict depends on a deadline being met (they are reached only when something is broken).
     */
    static final ProbeOptions SLOW_UDP = ProbeOptions.builder().udpTimeout(Duration.ofSeconds(60)).udpAttempts(1)
            .tcpConnectTimeout(Duration.ofSeconds(30)).tcpAttempts(1).responderTimeout(Duration.ofSeconds(60)).build();

    final GreetingServer greeting;
    final LoopbackPeer silent;
    final PortProbe probe;

    /** @throws IOException when a loopback port cannot be bound */
    UiPeers() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        greeting = new GreetingServer(loopback, "220 demo.corp.example.test ready");
        silent = LoopbackPeer.udp(loopback, in -> null);
        probe = PortProbe.builder().ioThreads(2)
                .responders(ResponderRegistry.builder().add(new DemoResponder(greeting.port())).build()).build();
    }

    @Override
    public void close() throws Exception {
        probe.close();
        silent.close();
        greeting.close();
    }
}
