package dev.portqry.cli.local;

import dev.portqry.core.Protocol;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads the kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6};
 * format in the kernel's {@code Documentation/networking/proc_net_tcp.rst}).
 */
public final class ProcNet {
    /**
     * TCP states by the kernel's number ({@code include/net/tcp_states.h}), named as PortQry names
     * them on Windows ({@code TIME WAIT}, {@code CLOSE WAIT}: words, not netstat's underscores).
     */
    private static final Map<Integer, String> TCP_STATES = Map.ofEntries(
            Map.entry(1, "ESTABLISHED"), Map.entry(2, "SYN SENT"), Map.entry(3, "SYN RECEIVED"),
            Map.entry(4, "FIN WAIT1"), Map.entry(5, "FIN WAIT2"), Map.entry(6, "TIME WAIT"), Map.entry(7, "CLOSED"),
            Map.entry(8, "CLOSE WAIT"), Map.entry(9, "LAST ACK"), Map.entry(10, "LISTENING"), Map.entry(11, "CLOSING"),
            Map.entry(12, "SYN RECEIVED"));

    private final Path root;

    /** @param root the proc file system, normally {@code /proc} */
    public ProcNet(Path root) {
        this.root = root;
    }

    /** @return whether this system has the socket tables */
    public boolean supported() {
        return Files.isReadable(root.resolve("net/tcp"));
    }

    /**
     * @return every TCP and UDP socket, IPv4 then IPv6, TCP first
     * @throws IOException when a table cannot be read
     */
    public List<SocketEntry> sockets() throws IOException {
        List<SocketEntry> out = new ArrayList<>();
        read("net/tcp", Protocol.TCP, out);
        read("net/tcp6", Protocol.TCP, out);
        read("net/udp", Protocol.UDP, out);
        read("net/udp6", Protocol.UDP, out);
        return out;
    }

    private void read(String table, Protocol protocol, List<SocketEntry> out) throws IOException {
        Path p = root.resolve(table);
        if (!Files.isReadable(p)) {
            return;
        }
        List<String> lines = Files.readAllLines(p, StandardCharsets.US_ASCII);
        for (int i = 1; i < lines.size(); i++) {
            SocketEntry e = parse(lines.get(i), protocol);
            if (e != null) {
                out.add(e);
            }
        }
    }

    /**
     * @param line one row of a table: {@code sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...}
     * @param protocol the table's protocol
     * @return the socket, or null for a malformed row
     */
    static SocketEntry parse(String line, Protocol protocol) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10) {
            return null;
        }
        try {
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            int st = Integer.parseInt(f[3], 16);
            // PortQry prints no state for UDP: a UDP socket has none.
            String state = protocol == Protocol.TCP ? TCP_STATES.getOrDefault(st, "UNKNOWN(" + st + ")") : "";
            InetAddress localAddress = address(local[0]);
            InetAddress remoteAddress = address(remote[0]);
            if (localAddress instanceof Inet4Address && remoteAddress.isAnyLocalAddress()) {
                // A dual-stack socket bound to an IPv4-mapped address: show it as the IPv4 socket it serves.
                remoteAddress = InetAddress.getByAddress(new byte[4]);
            }
            return new SocketEntry(protocol, localAddress, Integer.parseInt(local[1], 16), remoteAddress,
                    Integer.parseInt(remote[1], 16), state, Long.parseLong(f[9]));
        } catch (RuntimeException | UnknownHostException e) {
            return null;
        }
    }

    /**
     * The kernel prints each 32-bit word of the address in host byte order; on little-endian
     * machines that reverses the bytes of every word.
     */
    static InetAddress address(String hex) throws UnknownHostException {
        byte[] b = HexFormat.of().parseHex(hex);
        if (b.length != 4 && b.length != 16) {
            throw new UnknownHostException("bad address " + hex);
        }
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            for (int w = 0; w < b.length; w += 4) {
                byte t0 = b[w];
                byte t1 = b[w + 1];
                b[w] = b[w + 3];
                b[w + 1] = b[w + 2];
                b[w + 2] = t1;
                b[w + 3] = t0;
            }
        }
        return InetAddress.getByAddress(b);
    }
}
