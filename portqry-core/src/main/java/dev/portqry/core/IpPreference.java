package dev.portqry.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Which addresses of a name are probed, and in which order. */
public enum IpPreference {
    /** The resolver's order. */
    SYSTEM,
    /** IPv4 addresses first, then IPv6. */
    IPV4_FIRST,
    /** IPv6 addresses first, then IPv4. */
    IPV6_FIRST,
    /** IPv4 addresses only. */
    IPV4_ONLY,
    /** IPv6 addresses only. */
    IPV6_ONLY;

    /**
     * @param addresses addresses in resolver order
     * @return the addresses this preference keeps, in its order
     */
    public List<InetAddress> apply(List<InetAddress> addresses) {
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        for (InetAddress a : addresses) {
            (a instanceof Inet6Address ? v6 : v4).add(a);
        }
        List<InetAddress> out = new ArrayList<>();
        switch (this) {
            case SYSTEM -> out.addAll(addresses);
            case IPV4_FIRST -> { out.addAll(v4); out.addAll(v6); }
            case IPV6_FIRST -> { out.addAll(v6); out.addAll(v4); }
            case IPV4_ONLY -> out.addAll(v4);
            case IPV6_ONLY -> out.addAll(v6);
            default -> throw new AssertionError(this);
        }
        return List.copyOf(out);
    }

    /**
     * @param address an address
     * @return whether this preference allows it
     */
    public boolean allows(InetAddress address) {
        return switch (this) {
            case IPV4_ONLY -> address instanceof Inet4Address;
            case IPV6_ONLY -> address instanceof Inet6Address;
            default -> true;
        };
    }
}
