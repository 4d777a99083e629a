package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every port state for real, on the testbed's namespace host behind a veth pair: open, closed,
 * dropped (FILTERED after every attempt) and ICMP-rejected ports, over IPv4 and IPv6, through
 * the epoll transport and through NIO.
 */
class PortProbeNamespaceIT {
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .tcpConnectTimeout(Duration.ofMillis(700)).tcpAttempts(2).udpTimeout(Duration.ofMillis(700)).build();
    private static EventLoopGroup nio;
    private static PortProbe epollProbe;
    private static PortProbe nioProbe;
    private Testbed tb;

    @BeforeAll
    static void start() {
        nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        epollProbe = PortProbe.builder().responders(ResponderRegistry.empty()).build();
        nioProbe = PortProbe.builder().eventLoopGroup(nio).responders(ResponderRegistry.empty()).build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        epollProbe.close();
        nioProbe.close();
        nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @BeforeEach
    void testbed() {
        tb = Testbed.require();
    }

    private PortStatus probe(String transport, String addressKey, Protocol protocol, String portKey) throws Exception {
        PortProbe p = transport.equals("nio") ? nioProbe : epollProbe;
        return p.probe(tb.address(addressKey), protocol, tb.port(portKey), OPTS).get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource({
        "epoll, ns.address, TCP, ns.tcp.open, LISTENING",
        "epoll, ns.address, TCP, ns.tcp.closed, NOT_LISTENING",
        "epoll, ns.address, UDP, ns.udp.open, LISTENING",
        "epoll, ns.address, UDP, ns.udp.closed, NOT_LISTENING",
        "epoll, ns.address, UDP, ns.udp.drop, LISTENING_OR_FILTERED",
        "epoll, ns.address6, TCP, ns.tcp.open, LISTENING",
        "epoll, ns.address6, TCP, ns.tcp.closed, NOT_LISTENING",
        "epoll, ns.address6, UDP, ns.udp.open, LISTENING",
        "epoll, ns.address6, UDP, ns.udp.closed, NOT_LISTENING",
        "nio, ns.address, TCP, ns.tcp.open, LISTENING",
        "nio, ns.address, TCP, ns.tcp.closed, NOT_LISTENING",
        "nio, ns.address, UDP, ns.udp.closed, NOT_LISTENING",
        "nio, ns.address6, UDP, ns.udp.open, LISTENING",
    })
    void reachablePortsHaveTheirState(String transport, String address, Protocol protocol, String port, PortState expected)
            throws Exception {
        PortStatus s = probe(transport, address, protocol, port);
        assertThat(s.state()).as(s.reason()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: dropped TCP is FILTERED after every attempt")
    @CsvSource({"epoll, ns.address", "epoll, ns.address6", "nio, ns.address", "nio, ns.address6"})
    void droppedTcpIsFilteredAfterEveryAttempt(String transport, String address) throws Exception {
        PortStatus s = probe(transport, address, Protocol.TCP, "ns.tcp.drop");
        assertThat(s.state()).isEqualTo(PortState.FILTERED);
        assertThat(s.attempts()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo("no response after 2 attempts of 700 ms");
    }

    @ParameterizedTest(name = "{0} {1} {2}: ICMP reject is FILTERED with the reason")
    @CsvSource({
        "epoll, ns.address, ns.tcp.reject.hostunreach, unreachable",
        "epoll, ns.address, ns.tcp.reject.adminprohibited, prohibited",
        "epoll, ns.address6, ns.tcp.reject.hostunreach, unreachable",
        "epoll, ns.address6, ns.tcp.reject.adminprohibited, prohibited",
        "nio, ns.address, ns.tcp.reject.hostunreach, unreachable",
        "nio, ns.address6, ns.tcp.reject.adminprohibited, prohibited",
    })
    void rejectedTcpIsFilteredWithTheIcmpReason(String transport, String address, String port, String why) throws Exception {
        PortStatus s = probe(transport, address, Protocol.TCP, port);
        assertThat(s.state()).isEqualTo(PortState.FILTERED);
        assertThat(s.attempts()).as("an ICMP error is an answer: no retry").isEqualTo(1);
        assertThat(s.reason()).contains(why);
    }

    @ParameterizedTest(name = "{0}: UDP rejected with host unreachable is not LISTENING")
    @CsvSource({"epoll, ns.address", "nio, ns.address"})
    void udpRejectedWithHostUnreachable(String transport, String address) throws Exception {
        // Linux treats ICMP host unreachable as a soft error on UDP sockets: a connected socket may
        // or may not be told. Either verdict is honest; LISTENING would not be.
        PortStatus s = probe(transport, address, Protocol.UDP, "ns.udp.reject.hostunreach");
        assertThat(s.state()).isIn(PortState.FILTERED, PortState.LISTENING_OR_FILTERED);
    }
}
