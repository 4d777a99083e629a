package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import java.net.InetAddress;

/** What the health tests share: loopback, and a probe that tries a connect once (a refused loopback port needs no retry). */
final class LoopbackChecks {
    static final InetAddress LO = InetAddress.getLoopbackAddress();
    static final String HOST = LO.getHostAddress();

    private LoopbackChecks() {
    }

    /** @return a new probe with one TCP connect attempt per port; the caller closes it */
    static PortProbe probe() {
        return PortProbe.builder().defaultOptions(ProbeOptions.builder().tcpAttempts(1).build()).build();
    }

    /**
     * @param name the check's name
     * @param port a loopback TCP port
     * @return a check that the port is LISTENING
     */
    static HealthCheck listening(String name, int port) {
        return HealthCheck.builder(name).target(HOST).tcp(port).build();
    }
}
