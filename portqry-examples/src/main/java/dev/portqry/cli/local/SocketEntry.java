package dev.portqry.cli.local;

import dev.portqry.core.Protocol;
import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Comparator;

/**
 * One socket from {@code /proc/net/{tcp,tcp6,udp,udp6}}.
 *
 * @param protocol TCP or UDP
 * @param localAddress the local address
 * @param localPort the local port
 * @param remoteAddress the remote address (the any-address when unconnected)
 * @param remotePort the remote port (0 when unconnected)
 * @param state PortQry's state name, e.g. {@code LISTENING}, {@code TIME WAIT}; empty for UDP
 * @param inode the socket's inode, which links it to a process's file descriptors; 0 when none
 */
public record SocketEntry(Protocol protocol, InetAddress localAddress, int localPort, InetAddress remoteAddress,
                          int remotePort, String state, long inode) {
    /** PortQry's order: by local port, TCP before UDP on the same port, then by local address. */
    public static final Comparator<SocketEntry> PORTQRY_ORDER = Comparator.comparingInt(SocketEntry::localPort)
            .thenComparing(SocketEntry::protocol)
            .thenComparing(e -> address(e.localAddress()));

    /**
     * @return the row PortQry prints, e.g. {@code TCP 80 0.0.0.0 LISTENING 0.0.0.0:0}, or for UDP
     *         {@code UDP 135 0.0.0.0 :}; IPv6 addresses compressed ({@code ::1})
     */
    public String row() {
        String remote = protocol == Protocol.UDP && remotePort == 0 ? ":" : endpoint(remoteAddress, remotePort);
        return protocol + " " + localPort + " " + address(localAddress) + (state.isEmpty() ? "" : " " + state) + " " + remote;
    }

    /** @return what identifies this socket across snapshots: everything but the state and inode */
    public String key() {
        return protocol + " " + endpoint(localAddress, localPort) + " " + endpoint(remoteAddress, remotePort);
    }

    /**
     * @param a an address
     * @return its text, IPv6 compressed as RFC 5952 writes it
     */
    static String address(InetAddress a) {
        return NetUtil.toAddressString(a);
    }

    private static String endpoint(InetAddress a, int port) {
        return a instanceof Inet6Address ? "[" + address(a) + "]:" + port : address(a) + ":" + port;
    }
}
