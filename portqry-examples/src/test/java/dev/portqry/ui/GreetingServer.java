package dev.portqry.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP server on loopback that greets every connection with one line, then closes it. Each
 * connection gets its own short-lived thread and nothing waits on the client, so one slow or
 * retried connection never holds up the next (on a loaded machine a probe may connect twice).
 */
final class GreetingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    /**
     * @param address where to listen
     * @param greeting the line to send, without its CRLF
     * @throws IOException when no port can be bound
     */
    GreetingServer(InetAddress address, String greeting) throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(address, 0));
        thread = new Thread(() -> serve(greeting), "greeting-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(String greeting) {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> greet(s, greeting), "greeting-" + socket.getLocalPort() + "-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void greet(Socket s, String greeting) {
        try (s; OutputStream out = s.getOutputStream()) {
            out.write((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the probe went away first: nothing to greet
        }
    }

    /** @return the port */
    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
