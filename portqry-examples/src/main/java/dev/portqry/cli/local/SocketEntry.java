package dev.portqry.cli.local;

import dev.portqry.core.Protocol;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One socket from {@code /proc/net/{tcp,tcp6,udp,udp6}}.
 *
 * @param protocol TCP or UDP
 * @param localAddress the local address
 * @param localPort the local port
 * @param remoteAddress the remote address (the any-address when unconnected)
 * @param remotePort the remote port (0 when unconnected)
 * @param state PortQry's (netstat's) state name, e.g. {@code LISTENING}; empty for unconnected UDP
 * @param inode the socket's inode, which links it to a process's file descriptors; 0 when none
 */
public record SocketEntry(Protocol protocol, InetAddress localAddress, int localPort, InetAddress remoteAddress,
                          int remotePort, String state, long inode) {

    /** @return the row PortQry prints, e.g. {@code TCP 80 0.0.0.0 LISTENING 0.0.0.0:0} */
    public String row() {
        String remote = protocol == Protocol.UDP && remotePort == 0 ? "*:*" : endpoint(remoteAddress, remotePort);
        return protocol + " " + localPort + " " + localAddress.getHostAddress() + (state.isEmpty() ? "" : " " + state) + " " + remote;
    }

    /** @return what identifies this socket across snapshots: everything but the state and inode */
    public String key() {
        return protocol + " " + endpoint(localAddress, localPort) + " " + endpoint(remoteAddress, remotePort);
    }

    private static String endpoint(InetAddress a, int port) {
        return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]:" + port : a.getHostAddress() + ":" + port;
    }
}
