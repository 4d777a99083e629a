package dev.portqry.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A blocking TCP server on loopback for example tests: serves one connection at a time with a
 * {@link Handler}, on a daemon thread, until closed.
 */
public final class LoopbackServer implements AutoCloseable {
    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param in the client's bytes
         * @param out bytes to the client
         * @throws IOException when the client goes away
         */
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Thread thread;

    /**
     * @param address where to listen (a loopback address)
     * @param handler serves each connection; the socket is closed when it returns
     * @throws IOException when binding fails
     */
    public LoopbackServer(InetAddress address, Handler handler) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(address, 0));
        thread = new Thread(() -> run(handler), "loopback-server-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Handler handler) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                handler.serve(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                // The client went away or the server closed: serve the next one, if any.
            }
        }
    }

    /** @return the listening port */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param in the stream
     * @param n how many
     * @return the bytes
     * @throws IOException when the stream ends first
     */
    public static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("stream ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        thread.join(2000);
    }
}
