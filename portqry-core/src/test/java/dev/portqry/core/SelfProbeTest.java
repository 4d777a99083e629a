package dev.portqry.core;

import dev.portqry.testkit.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.faults.FaultyResponder;
import dev.portqry.core.spi.ResponderRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A socket never probes its own port (issue 18): a UDP socket whose source port equals the
 * target port on the same address receives its own datagram, which used to read as a reply
 * (a false LISTENING, seen in full-range loopback scans when the kernel's ephemeral pick hit
 * the probed port). Reproduced deterministically by forcing the source port ({@code -sp}) to
 * the target port on loopback.
 */
class SelfProbeTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @ParameterizedTest(name = "{0}, responder {1}: source port = target port is NOT LISTENING, not its own echo")
    @CsvSource({"UDP, none", "UDP, faulty", "TCP, none"})
    void aSocketOnTheTargetPortIsNotListening(Protocol protocol, String responder) throws Exception {
        int port = protocol == Protocol.UDP ? LoopbackPorts.closedUdpPort(LO) : LoopbackPorts.closedTcpPort(LO);
        ProbeOptions opts = ProbeOptions.builder().sourcePort(port).udpTimeout(Duration.ofMillis(300)).udpAttempts(1)
                .responder(responder.equals("none") ? ResponderSelection.NONE : ResponderSelection.forced(responder)).build();
        try (PortProbe probe = PortProbe.builder()
                .responders(ResponderRegistry.builder().add(new FaultyResponder(FaultyResponder.Fault.NONE)).build()).build()) {
            PortStatus s = probe.probe(LO, protocol, port, opts).get(30, TimeUnit.SECONDS);
            assertThat(s.state()).as(s.reason()).isEqualTo(PortState.NOT_LISTENING);
            assertThat(s.responder()).isEmpty();
        }
    }
}
