package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UDP pacing against the testbed's namespace host, which rate-limits ICMP like any Linux host
 * (a burst of about 6, then 1 per second): a fast scan sees most closed ports as silent, the
 * adaptive one finds them all closed.
 */
class UdpPacingIT {
    /** Closed UDP ports of the namespace host: nothing listens there. */
    private static final int FIRST = 7200;
    private static final int LAST = 7211;
    private Testbed tb;

    @BeforeEach
    void testbed() {
        tb = Testbed.require();
    }

    private List<PortStatus> scan(UdpPacing pacing) throws Exception {
        ResolvedTarget t = new ResolvedTarget(tb.get("ns.address"), true, List.of(tb.address("ns.address")), Optional.empty());
        ProbeOptions o = ProbeOptions.builder().udpTimeout(Duration.ofMillis(600)).udpPacing(pacing).build();
        try (PortProbe p = PortProbe.builder().responders(ResponderRegistry.empty()).build()) {
            return p.scan(t, PortSpec.range(Protocol.UDP, FIRST, LAST), o, new ScanListener() { })
                    .completion().get(120, TimeUnit.SECONDS);
        }
    }

    @Test
    void adaptivePacingFindsEveryClosedPortAndFastModeDoesNot() throws Exception {
        // Let the host's ICMP budget refill after earlier tests.
        Thread.sleep(7000);
        List<PortStatus> fast = scan(UdpPacing.OFF);
        long fastClosed = fast.stream().filter(s -> s.state() == PortState.NOT_LISTENING).count();
        assertThat(fastClosed).as("the rate limit hides most closed ports from a fast scan").isLessThan(LAST - FIRST + 1);

        Thread.sleep(7000);
        List<PortStatus> paced = scan(UdpPacing.ADAPTIVE);
        assertThat(paced).allSatisfy(s -> assertThat(s.state()).as(s.port() + ": " + s.reason()).isEqualTo(PortState.NOT_LISTENING));
        assertThat(paced).anySatisfy(s -> assertThat(s.reason()).contains("paced re-probe"));
    }
}
