package dev.portqry.core.internal;

import io.netty.channel.ConnectTimeoutException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.util.Locale;

/**
 * What a socket error says about the port: the kernel reports RSTs and ICMP errors as errno
 * values that Netty's epoll and NIO transports surface as differently typed exceptions.
 */
public enum NetworkError {
    /** TCP RST. */
    REFUSED("connection refused"),
    /** ICMP port unreachable on UDP. */
    PORT_UNREACHABLE("ICMP port unreachable"),
    /** ICMP host unreachable or administratively prohibited (both reach a socket as EHOSTUNREACH). */
    HOST_UNREACHABLE("ICMP host unreachable or administratively prohibited (no route to host)"),
    /**
     * The kernel refused the connect with EACCES: an IPv6 ICMP "administratively prohibited"
     * (or a local firewall rule). Without a source port of our own, Linux reports it this way;
     * the JDK even calls it a {@link BindException}.
     */
    PROHIBITED("ICMP administratively prohibited (permission denied)"),
    /**
     * The local kernel refused to send (EPERM, "operation not permitted"): a firewall rule on
     * this host drops the packet on its way out (an nftables or iptables OUTPUT drop).
     */
    LOCAL_FIREWALL("this host refused to send the packet (operation not permitted: a local firewall rule drops it)"),
    /** ICMP network unreachable, or no route in the local table. */
    NET_UNREACHABLE("network unreachable"),
    /** The connect attempt saw no answer in time. */
    TIMEOUT("no response"),
    /** The source port is taken. */
    BIND_FAILED("source port in use"),
    /** Anything else. */
    OTHER("network error");

    private final String reason;

    NetworkError(String reason) {
        this.reason = reason;
    }

    /** @return the human reason for a {@link dev.portqry.core.PortStatus} */
    public String reason() {
        return reason;
    }

    /**
     * @param t an exception from a connect, read or write
     * @return what it means
     */
    public static NetworkError classify(Throwable t) {
        return classify(t, false);
    }

    /**
     * @param t an exception from a connect, read or write
     * @param boundSourcePort whether the socket was bound to a chosen source port first (then a
     *        permission error is about that bind, not about the peer)
     * @return what it means
     */
    public static NetworkError classify(Throwable t, boolean boundSourcePort) {
        String msg = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("permission denied")) {
            return boundSourcePort ? BIND_FAILED : PROHIBITED;
        }
        if (msg.contains("operation not permitted")) {
            return LOCAL_FIREWALL;
        }
        if (t instanceof ConnectTimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof PortUnreachableException) {
            return PORT_UNREACHABLE;
        }
        if (t instanceof NoRouteToHostException) {
            return HOST_UNREACHABLE;
        }
        if (t instanceof BindException) {
            return BIND_FAILED;
        }
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("address already in use") || m.contains("cannot assign requested address")) {
            return BIND_FAILED;
        }
        if (m.contains("refused")) {
            return t instanceof ConnectException ? REFUSED : PORT_UNREACHABLE;
        }
        if (m.contains("no route to host") || m.contains("host is unreachable") || m.contains("host unreachable")) {
            return HOST_UNREACHABLE;
        }
        if (m.contains("network is unreachable") || m.contains("network unreachable")) {
            return NET_UNREACHABLE;
        }
        if (m.contains("timed out")) {
            return TIMEOUT;
        }
        return OTHER;
    }
}
