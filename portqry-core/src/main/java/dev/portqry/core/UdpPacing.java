package dev.portqry.core;

/**
 * What a scan does about UDP ports that stayed silent while other ports of the same host
 * answered with ICMP port unreachable. Linux (and most hosts) rate-limit those ICMP errors per
 * destination — by default a burst of about 6, then 1 per second — so a fast UDP scan of a
 * remote host sees most closed ports as silent, i.e. LISTENING or FILTERED. This is the
 * speed/accuracy choice.
 */
public enum UdpPacing {
    /**
     * The default: silent UDP ports of a non-loopback host are probed again, one at a time at
     * the pace the host's ICMP errors arrive (starting at one per
     * {@link ProbeOptions#icmpInterval()}, speeding up while every answer comes back and slowing
     * down when one goes missing), so that closed ports are still reported NOT LISTENING. A
     * first sample of three silent ports decides whether this is needed at all: if none of them
     * answers at the slow pace, the silence is a firewall's, and the scan ends. Costs about one
     * {@code icmpInterval} per silent port on a rate-limited host. Loopback is not rate-limited
     * and never paced.
     */
    ADAPTIVE,
    /** Fast: report what the first wave saw; closed ports past the ICMP budget show as LISTENING or FILTERED. */
    OFF
}
