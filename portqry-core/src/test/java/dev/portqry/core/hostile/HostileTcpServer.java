package dev.portqry.core.hostile;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server on loopback that hands each connection, on its own thread, to a behaviour:
 * good, silent, dripping, flooding, lying about lengths, hanging up. Counts the connections open
 * at once and the bytes it managed to write. Closing it closes every connection.
 */
final class HostileTcpServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    interface Behaviour {
        void serve(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();

    HostileTcpServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(behaviour), "hostile-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(Behaviour behaviour) {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            open.add(s);
            Thread t = new Thread(() -> {
                try (s) {
                    behaviour.serve(s, s.getInputStream(), new CountingOutput(s.getOutputStream()));
                    s.shutdownOutput();
                    s.getInputStream().transferTo(OutputStream.nullOutputStream()); // until the probe hangs up
                } catch (IOException | InterruptedException e) {
                    // the probe hung up, or the server is closing: either ends this connection
                } finally {
                    open.remove(s);
                    concurrent.decrementAndGet();
                }
            }, "hostile-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Reads one framed query: u32 length, then that many bytes. */
    static byte[] readQuery(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int length = d.readInt();
        byte[] query = new byte[4 + length];
        java.nio.ByteBuffer.wrap(query).putInt(length);
        d.readFully(query, 4, length);
        return query;
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return the most connections that were open at once (accepted and not yet ended by the probe) */
    int maxConcurrent() {
        return maxConcurrent.get();
    }

    int accepted() {
        return accepted.get();
    }

    /** @return bytes the behaviours wrote before the probe hung up */
    long written() {
        return written.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }

    private final class CountingOutput extends java.io.FilterOutputStream {
        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written.addAndGet(len);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written.incrementAndGet();
        }
    }
}
