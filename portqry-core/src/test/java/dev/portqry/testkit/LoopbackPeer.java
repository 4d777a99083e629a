package dev.portqry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The one scriptable peer of the tests, in the spirit of OkHttp's MockWebServer: a real TCP
 * listener or UDP socket on loopback that plays a {@link Script} (or any {@link Handler}) to each
 * connection, or answers each datagram through a {@link DatagramHandler}. It records what the
 * client sent ({@link #takeReceived(Duration)}) and counts connections and bytes, so that tests
 * can check that a probe hung up and how much a flooding server managed to write.
 *
 * <pre>{@code
 * try (LoopbackPeer smtp = LoopbackPeer.tcp(Script.create().sendLine("220 mail ESMTP").readLine().sendLine("221 bye"))) {
 *     PortStatus st = probe.probe("127.0.0.1", Protocol.TCP, smtp.port()).join();
 * }
 * try (LoopbackPeer dns = LoopbackPeer.udp(LOOPBACK, query -> answerFor(query))) { ... }
 * }</pre>
 *
 * <p>After a TCP handler returns the peer half-closes (FIN) and waits, at most
 * {@link #LINGER}, for the client to hang up, unless the handler closed or reset the socket.
 * Every connection runs on its own daemon thread; {@link #close()} closes them all.
 */
public final class LoopbackPeer implements AutoCloseable {
    /** How long the peer waits for the client to hang up after the handler is done. */
    public static final Duration LINGER = Duration.ofSeconds(10);

    /** What the peer does with one TCP connection. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param socket the accepted socket
         * @param in the client's bytes (recorded)
         * @param out bytes to the client (counted)
         * @throws IOException when the client goes away
         * @throws InterruptedException when the peer is closing
         */
        void serve(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    /** What the peer does with one datagram. */
    @FunctionalInterface
    public interface DatagramHandler {
        /**
         * @param datagram the datagram received, with ways to answer it
         * @throws IOException when an answer cannot be sent
         * @throws InterruptedException when the peer is closing
         */
        void onDatagram(Datagram datagram) throws IOException, InterruptedException;
    }

    /** One datagram the peer received. */
    public final class Datagram {
        private final byte[] payload;
        private final SocketAddress sender;

        Datagram(byte[] payload, SocketAddress sender) {
            this.payload = payload;
            this.sender = sender;
        }

        /** @return a copy of the payload */
        public byte[] payload() {
            return payload.clone();
        }

        /** @return where it came from */
        public SocketAddress sender() {
            return sender;
        }

        /** @param reply bytes sent back from the peer's port */
        public void reply(byte[] reply) throws IOException {
            udp.send(new DatagramPacket(reply, reply.length, sender));
        }

        /**
         * Answers from a fresh port of the same address, as a TFTP server answers from its new
         * transfer ID (RFC 1350 section 4).
         *
         * @param reply the bytes to send
         */
        public void replyFromAnotherPort(byte[] reply) throws IOException {
            replyFrom(address, reply);
        }

        /**
         * Answers from a fresh port of another address, as a stranger would.
         *
         * @param from a loopback address to send from, e.g. 127.0.0.2
         * @param reply the bytes to send
         */
        public void replyFrom(InetAddress from, byte[] reply) throws IOException {
            try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(from, 0))) {
                other.send(new DatagramPacket(reply, reply.length, sender));
            }
        }
    }

    private final InetAddress address;
    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final Thread thread;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();

    private LoopbackPeer(InetAddress address, ServerSocket tcp, DatagramSocket udp, Runnable loop, String name) {
        this.address = address;
        this.tcp = tcp;
        this.udp = udp;
        this.thread = new Thread(loop, name + "-" + port());
        thread.setDaemon(true);
    }

    /**
     * @param handler serves each connection, not null
     * @return a TCP peer on the loopback address
     * @throws IOException when no port can be bound
     */
    public static LoopbackPeer tcp(Handler handler) throws IOException {
        return tcp(InetAddress.getLoopbackAddress(), handler);
    }

    /**
     * @param address a loopback address to listen on
     * @param handler serves each connection, not null
     * @return a TCP peer, listening (connects complete from the backlog at once)
     * @throws IOException when no port can be bound
     */
    public static LoopbackPeer tcp(InetAddress address, Handler handler) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, 0), 256);
        LoopbackPeer[] self = new LoopbackPeer[1];
        self[0] = new LoopbackPeer(address, server, null, () -> self[0].acceptLoop(handler), "loopback-tcp");
        self[0].thread.start();
        return self[0];
    }

    /**
     * @param address a loopback address to bind
     * @param handler answers each datagram, or not, not null
     * @return a UDP peer
     * @throws IOException when no port can be bound
     */
    public static LoopbackPeer udpScripted(InetAddress address, DatagramHandler handler) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
        LoopbackPeer[] self = new LoopbackPeer[1];
        self[0] = new LoopbackPeer(address, null, socket, () -> self[0].receiveLoop(handler), "loopback-udp");
        self[0].thread.start();
        return self[0];
    }

    /**
     * @param address a loopback address to bind
     * @param reply maps each payload to the reply, or to null to stay silent
     * @return a UDP peer answering from its own port
     * @throws IOException when no port can be bound
     */
    public static LoopbackPeer udp(InetAddress address, UnaryOperator<byte[]> reply) throws IOException {
        return udpScripted(address, d -> {
            byte[] out = reply.apply(d.payload());
            if (out != null) {
                d.reply(out);
            }
        });
    }

    private void acceptLoop(Handler handler) {
        while (!tcp.isClosed()) {
            Socket s;
            try {
                s = tcp.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            open.add(s);
            Thread t = new Thread(() -> serve(s, handler), "loopback-conn-" + port());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s, Handler handler) {
        Recording in = null;
        try (s) {
            in = new Recording(s.getInputStream());
            handler.serve(s, in, new Counting(s.getOutputStream()));
            if (!s.isClosed()) {
                s.shutdownOutput();
                s.setSoTimeout((int) LINGER.toMillis());
                in.transferTo(OutputStream.nullOutputStream()); // until the client hangs up
            }
        } catch (IOException | InterruptedException e) {
            // The client hung up, or the peer is closing: either ends this connection.
        } finally {
            open.remove(s);
            concurrent.decrementAndGet();
            if (in != null) {
                received.add(in.bytes());
            }
        }
    }

    private void receiveLoop(DatagramHandler handler) {
        byte[] buf = new byte[65_536];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                byte[] payload = Arrays.copyOf(p.getData(), p.getLength());
                received.add(payload);
                handler.onDatagram(new Datagram(payload, p.getSocketAddress()));
            } catch (IOException | InterruptedException e) {
                if (udp.isClosed()) {
                    return;
                }
            }
        }
    }

    /** @return the address the peer is bound to */
    public InetAddress address() {
        return address;
    }

    /** @return the bound port */
    public int port() {
        return tcp != null ? tcp.getLocalPort() : udp.getLocalPort();
    }

    /**
     * Waits for what the client sent: for TCP, everything one connection sent, once it ended;
     * for UDP, one datagram. In arrival order.
     *
     * @param timeout how long to wait
     * @return the bytes, or null when nothing arrived in time
     * @throws InterruptedException when interrupted
     */
    public byte[] takeReceived(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return connections accepted so far (TCP) */
    public int accepted() {
        return accepted.get();
    }

    /** @return the most connections open at once (accepted and not yet ended by the client) */
    public int maxConcurrent() {
        return maxConcurrent.get();
    }

    /** @return bytes the handlers wrote to TCP clients */
    public long written() {
        return written.get();
    }

    /** Closes the listener or socket and every open connection, and waits briefly for the peer's thread. */
    @Override
    public void close() throws IOException {
        if (tcp != null) {
            tcp.close();
        } else {
            udp.close();
        }
        for (Socket s : open) {
            s.close();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps a copy of what the client sent. */
    private static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                synchronized (copy) {
                    copy.write(b);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                synchronized (copy) {
                    copy.write(b, off, n);
                }
            }
            return n;
        }

        byte[] bytes() {
            synchronized (copy) {
                return copy.toByteArray();
            }
        }
    }

    /** Counts what the handler wrote. */
    private final class Counting extends FilterOutputStream {
        Counting(OutputStream out) {
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
