package dev.portqry.core;

import dev.portqry.testkit.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Port states against real sockets on IPv4 and IPv6 loopback. */
class PortProbeLoopbackTest {
    private static PortProbe probe;
    private static final ProbeOptions FAST = ProbeOptions.builder()
            .udpTimeout(Duration.ofMillis(300)).tcpConnectTimeout(Duration.ofMillis(500)).build();

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.empty()).defaultOptions(FAST).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void openTcpPortIsListening(String host) throws Exception {
        InetAddress a = InetAddress.getByName(host);
        try (ServerSocket s = LoopbackPorts.tcpListener(a)) {
            PortStatus st = probe.probe(a, Protocol.TCP, s.getLocalPort()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING);
            assertThat(st.attempts()).isEqualTo(1);
            assertThat(st.address()).isEqualTo(a);
            assertThat(st.protocol()).isEqualTo(Protocol.TCP);
            assertThat(st.responder()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void closedTcpPortIsNotListening(String host) throws Exception {
        InetAddress a = InetAddress.getByName(host);
        PortStatus st = probe.probe(a, Protocol.TCP, LoopbackPorts.closedTcpPort(a)).get();
        assertThat(st.state()).isEqualTo(PortState.NOT_LISTENING);
        assertThat(st.reason()).isEqualTo("connection refused");
        assertThat(st.state()).isEqualTo(PortState.NOT_LISTENING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void answeringUdpPortIsListening(String host) throws Exception {
        InetAddress a = InetAddress.getByName(host);
        try (LoopbackPeer r = LoopbackPeer.udp(a, in -> new byte[] {1, 2, 3})) {
            // An answer ends the wait: a long one only matters on a loaded machine.
            PortStatus st = probe.probe(a, Protocol.UDP, r.port(), FAST.toBuilder().udpTimeout(Duration.ofSeconds(5)).build()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.reason()).isEqualTo("reply received");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void silentUdpPortIsListeningOrFiltered(String host) throws Exception {
        InetAddress a = InetAddress.getByName(host);
        try (LoopbackPeer r = LoopbackPeer.udp(a, in -> null)) {
            PortStatus st = probe.probe(a, Protocol.UDP, r.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING_OR_FILTERED);
            assertThat(st.reason()).isEqualTo("no reply and no ICMP error after 1 attempt of 300 ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void closedUdpPortIsNotListening(String host) throws Exception {
        InetAddress a = InetAddress.getByName(host);
        PortStatus st = probe.probe(a, Protocol.UDP, LoopbackPorts.closedUdpPort(a)).get();
        assertThat(st.state()).isEqualTo(PortState.NOT_LISTENING);
        assertThat(st.reason()).isEqualTo("ICMP port unreachable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]"})
    void namesAndLiteralsResolve(String target) throws Exception {
        ResolvedTarget t = probe.resolve(target, FAST).get();
        assertThat(t.addresses()).isNotEmpty();
        assertThat(t.first().isLoopbackAddress()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void unresolvableNameFailsWithTypedError() {
        CompletableFuture<PortStatus> f = probe.probe("no-such-host.invalid", Protocol.TCP, 80);
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(UnresolvedTargetException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @org.junit.jupiter.api.Test
    void badArgumentsNameThemselves() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        assertThatThrownBy(() -> probe.probe(lo, Protocol.TCP, 0)).hasMessage("port must be 1-65535, was 0");
        assertThatThrownBy(() -> probe.probe(lo, Protocol.TCP, 65536)).hasMessage("port must be 1-65535, was 65536");
        assertThatThrownBy(() -> probe.probe(" ", Protocol.TCP, 80)).hasMessage("target must not be empty");
        assertThatThrownBy(() -> ProbeOptions.builder().udpTimeout(Duration.ofMillis(-5)))
                .hasMessageContaining("udpTimeout must be between 1 ms and 10 min");
        assertThatThrownBy(() -> ProbeOptions.builder().tcpAttempts(0)).hasMessage("tcpAttempts must be 1-10, was 0");
    }
}
