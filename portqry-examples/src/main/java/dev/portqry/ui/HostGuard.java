package dev.portqry.ui;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps other web sites from driving the UI: a request must name this server in its
 * {@code Host} header (so a DNS-rebound name such as {@code evil.example} is refused) and, when it
 * carries an {@code Origin}, come from the page's own origin (so a cross-site form or fetch is
 * refused). Only IP literals and {@code localhost} are accepted as hosts: a name can be rebound,
 * a literal cannot. See RFC 9110 section 7.2 (Host) and RFC 6454 (Origin).
 */
final class HostGuard {
    private final InetAddress bound;
    private final int port;

    /**
     * @param bound the address the server listens on (may be a wildcard), not null
     * @param port the port it listens on
     */
    HostGuard(InetAddress bound, int port) {
        this.bound = bound;
        this.port = port;
    }

    /**
     * @param host the {@code Host} header, null when absent
     * @param origin the {@code Origin} header, null when absent
     * @return why the request is refused, empty when it may proceed
     */
    Optional<String> reject(String host, String origin) {
        if (host == null || host.isBlank()) {
            return Optional.of("the request has no Host header");
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (!acceptsHost(h)) {
            return Optional.of("Host " + host.trim() + " is not this server; open the address portqry printed");
        }
        if (origin != null && !origin.trim().toLowerCase(Locale.ROOT).equals("http://" + h)) {
            return Optional.of("Origin " + origin.trim() + " is not this page's origin http://" + h);
        }
        return Optional.empty();
    }

    private boolean acceptsHost(String h) {
        String name;
        int p;
        int colon = h.lastIndexOf(':');
        if (colon < 0 || h.endsWith("]")) {
            return false; // no port: it would be 80, never this server's choice of port
        }
        name = h.substring(0, colon);
        try {
            p = Integer.parseInt(h.substring(colon + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (p != port) {
            return false;
        }
        if (name.equals("localhost")) {
            return bound.isLoopbackAddress() || bound.isAnyLocalAddress();
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        } else if (name.contains(":")) {
            return false; // an IPv6 literal must be bracketed in a Host header (RFC 3986 section 3.2.2)
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(name);
        if (bytes == null) {
            return false;
        }
        InetAddress a;
        try {
            a = InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        if (a.equals(bound)) {
            return true;
        }
        return bound.isAnyLocalAddress() && isLocal(a);
    }

    private static boolean isLocal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
