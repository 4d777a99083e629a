package dev.portqry.testkit;

import dev.portqry.core.Protocol;
import dev.portqry.core.ServiceNames;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.function.UnaryOperator;

/**
 * Real sockets on loopback for probe tests: a listening TCP port, a UDP port that answers,
 * a UDP port that stays silent, and port numbers known to be closed.
 */
public final class LoopbackPeers {
    private LoopbackPeers() {
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
    private static final java.util.Random RANDOM = new java.util.Random();

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

    /** A UDP socket bound on loopback; answers each datagram with {@code reply} unless it returns null. */
    public static final class UdpResponder implements AutoCloseable {
        private final DatagramSocket socket;
        private final Thread thread;

        /**
         * @param address where to bind
         * @param reply maps a received payload to the reply payload, or null to stay silent
         */
        public UdpResponder(InetAddress address, UnaryOperator<byte[]> reply) throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(address, 0));
            thread = new Thread(() -> serve(reply), "udp-responder-" + socket.getLocalPort());
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(UnaryOperator<byte[]> reply) {
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] in = java.util.Arrays.copyOf(p.getData(), p.getLength());
                    byte[] out = reply.apply(in);
                    if (out != null) {
                        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** @return the bound port */
        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(2000);
        }
    }
}
