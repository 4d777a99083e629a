package dev.portqry.protocols.ad;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback DNS responder for tests: answers SRV, A and AAAA questions from a table, NXDOMAIN for
 * names it does not know, or stays silent. SRV targets are compressed against the question name.
 */
final class FakeDnsServer implements AutoCloseable {
    static final int SRV = 33;
    static final int A = 1;
    static final int AAAA = 28;

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, List<byte[]>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Object[]>> srv = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    FakeDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "fake-dns");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    FakeDnsServer silent() {
        silent = true;
        return this;
    }

    FakeDnsServer srv(String name, int priority, int weight, int port, String target) {
        srv.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new CopyOnWriteArrayList<>()).add(new Object[] {priority, weight, port, target});
        return this;
    }

    FakeDnsServer address(String name, InetAddress a) {
        int type = a.getAddress().length == 4 ? A : AAAA;
        answers.computeIfAbsent(name.toLowerCase(Locale.ROOT) + "/" + type, k -> new CopyOnWriteArrayList<>()).add(a.getAddress());
        return this;
    }

    private void serve() {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                byte[] reply = answer(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                if (reply != null && !silent) {
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                // closed, or a query this fake cannot read: ignore it
            }
        }
    }

    private byte[] answer(byte[] q) {
        // Question name from offset 12.
        List<String> labels = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int pos = 12;
        while (q[pos] != 0) {
            int len = q[pos] & 0xff;
            offsets.add(pos);
            labels.add(new String(q, pos + 1, len, StandardCharsets.US_ASCII));
            pos += 1 + len;
        }
        int qend = pos + 5;
        int type = ((q[pos + 1] & 0xff) << 8) | (q[pos + 2] & 0xff);
        String name = String.join(".", labels).toLowerCase(Locale.ROOT);
        asked.add(name + "/" + type);
        List<byte[]> rdatas = new ArrayList<>();
        boolean known = srv.containsKey(name) || answers.keySet().stream().anyMatch(k -> k.startsWith(name + "/"));
        if (type == SRV && srv.containsKey(name)) {
            for (Object[] r : srv.get(name)) {
                ByteArrayOutputStream rd = new ByteArrayOutputStream();
                short16(rd, (Integer) r[0]);
                short16(rd, (Integer) r[1]);
                short16(rd, (Integer) r[2]);
                writeCompressed(rd, ((String) r[3]).toLowerCase(Locale.ROOT), labels, offsets);
                rdatas.add(rd.toByteArray());
            }
        } else if (answers.containsKey(name + "/" + type)) {
            rdatas.addAll(answers.get(name + "/" + type));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        short16(out, 0x8180 | (known ? 0 : 3));
        short16(out, 1);
        short16(out, rdatas.size());
        short16(out, 0);
        short16(out, 0);
        out.write(q, 12, qend - 12);
        for (byte[] rd : rdatas) {
            short16(out, 0xC00C);
            short16(out, type);
            short16(out, 1);
            short16(out, 0);
            short16(out, 60);
            short16(out, rd.length);
            out.write(rd, 0, rd.length);
        }
        return out.toByteArray();
    }

    /** Writes the target's own labels, then a pointer to the longest suffix it shares with the question. */
    private static void writeCompressed(ByteArrayOutputStream out, String target, List<String> qLabels, List<Integer> qOffsets) {
        String[] t = target.split("\\.");
        for (int i = 0; i < t.length; i++) {
            String suffix = String.join(".", java.util.Arrays.copyOfRange(t, i, t.length));
            for (int j = 0; j < qLabels.size(); j++) {
                if (String.join(".", qLabels.subList(j, qLabels.size())).equalsIgnoreCase(suffix)) {
                    short16(out, 0xC000 | qOffsets.get(j));
                    return;
                }
            }
            out.write(t[i].length());
            out.write(t[i].getBytes(StandardCharsets.US_ASCII), 0, t[i].length());
        }
        out.write(0);
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
