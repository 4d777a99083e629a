package dev.portqry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OS errors a probe meets, as Netty's NIO and epoll transports surface them (messages as
 * Linux's strerror words them, with epoll's {@code syscall(..) failed:} prefix), and the state
 * each one means. No sockets.
 */
class NetworkErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                // TCP RST to a connect: NIO and epoll both throw a ConnectException.
                row(new ConnectException("Connection refused"), false, NetworkError.REFUSED),
                row(new ConnectException("connect(..) failed: Connection refused"), false, NetworkError.REFUSED),
                // ICMP port unreachable on a connected UDP socket: NIO's typed exception, epoll's read error.
                row(new PortUnreachableException("ICMP Port Unreachable"), false, NetworkError.PORT_UNREACHABLE),
                row(new IOException("recvAddress(..) failed: Connection refused"), false, NetworkError.PORT_UNREACHABLE),
                // ICMP host unreachable and administratively prohibited both arrive as EHOSTUNREACH.
                row(new NoRouteToHostException("No route to host"), false, NetworkError.HOST_UNREACHABLE),
                row(new IOException("connect(..) failed: No route to host"), false, NetworkError.HOST_UNREACHABLE),
                row(new SocketException("Host is unreachable"), false, NetworkError.HOST_UNREACHABLE),
                // EACCES: an IPv6 "administratively prohibited", unless we bound a source port ourselves.
                row(new BindException("Permission denied"), false, NetworkError.PROHIBITED),
                row(new ConnectException("connect(..) failed: Permission denied"), false, NetworkError.PROHIBITED),
                row(new BindException("Permission denied"), true, NetworkError.BIND_FAILED),
                // ENETUNREACH.
                row(new SocketException("Network is unreachable"), false, NetworkError.NET_UNREACHABLE),
                row(new IOException("sendToAddress(..) failed: Network unreachable"), false, NetworkError.NET_UNREACHABLE),
                // Timeouts: Netty's connect timer, and ETIMEDOUT from the kernel.
                row(new ConnectTimeoutException("connection timed out after 1000 ms: /127.0.0.1:9"), false, NetworkError.TIMEOUT),
                row(new ConnectException("connect(..) failed: Connection timed out"), false, NetworkError.TIMEOUT),
                // The source port: EADDRINUSE, EADDRNOTAVAIL.
                row(new BindException("Address already in use"), true, NetworkError.BIND_FAILED),
                row(new IOException("bind(..) failed: Address already in use"), true, NetworkError.BIND_FAILED),
                row(new IOException("bind(..) failed: Cannot assign requested address"), false, NetworkError.BIND_FAILED),
                // Anything else, including an exception without a message.
                row(new IOException("Broken pipe"), false, NetworkError.OTHER),
                row(new IOException(), false, NetworkError.OTHER),
                row(new IllegalStateException("unexpected"), false, NetworkError.OTHER));
    }

    private static Arguments row(Throwable error, boolean boundSourcePort, NetworkError expected) {
        return Arguments.of(error, boundSourcePort, expected);
    }

    @ParameterizedTest(name = "{0} (bound source port: {1}) -> {2}")
    @MethodSource("errors")
    void classifiesEachOsError(Throwable error, boolean boundSourcePort, NetworkError expected) {
        assertThat(NetworkError.classify(error, boundSourcePort)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void theOneArgumentFormAssumesNoSourcePortOfOurOwn(Throwable error, boolean boundSourcePort, NetworkError expected) {
        if (!boundSourcePort) {
            assertThat(NetworkError.classify(error)).isEqualTo(expected);
        }
    }
}
