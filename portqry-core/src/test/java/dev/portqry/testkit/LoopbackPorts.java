package dev.portqry.testkit;

import dev.portqry.core.Protocol;
import dev.portqry.core.ServiceNames;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;

/**
 * Loopback ports for probe tests: a listening TCP socket whose backlog completes connects, and
 * port numbers known to be closed. Peers that answer are {@link LoopbackPeer}s.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** @return a bound, listening TCP socket on {@code address} (the backlog completes connects) */
    public static ServerSocket tcpListener(InetAddress address) throws IOException {
        return tcpListener(address, 64);
    }

    /** @return a bound, listening TCP socket on {@code address} with an accept queue of {@code backlog} */
    public static ServerSocket tcpListener(InetAddress address, int backlog) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(address, 0), backlog);
        return s;
    }

    /**
     * Closed ports come from below Linux's ephemeral range (32768-60999), so that no socket
     * another test or process opens meanwhile picks the same number by chance, and from the ports
     * the services file does not name, so that status lines read {@code (unknown service)}.
     */
    private static final int CLOSED_FIRST = 20000;
    private static final int CLOSED_SPAN = 12000;
    private static final Random RANDOM = new Random();

    private static final ServiceNames SERVICES = ServiceNames.system();

    private static boolean named(int port) {
        return SERVICES.name(Protocol.TCP, port).isPresent() || SERVICES.name(Protocol.UDP, port).isPresent();
    }

    /** @return a TCP port on {@code address} that nothing listens on now */
    public static int closedTcpPort(InetAddress address) throws IOException {
        for (int i = 0; i < 100; i++) {
            int port = CLOSED_FIRST + RANDOM.nextInt(CLOSED_SPAN);
            if (named(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(address, port));
                return port;
            } catch (IOException taken) {
                // someone has it: try another
            }
        }
        throw new IOException("no free TCP port found below the ephemeral range");
    }

    /** @return a UDP port on {@code address} that nothing listens on now */
    public static int closedUdpPort(InetAddress address) throws IOException {
        for (int i = 0; i < 100; i++) {
            int port = CLOSED_FIRST + RANDOM.nextInt(CLOSED_SPAN);
            if (named(port)) {
                continue;
            }
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, port))) {
                return port;
            } catch (IOException taken) {
                // someone has it: try another
            }
        }
        throw new IOException("no free UDP port found below the ephemeral range");
    }
}
