package dev.portqry.core;

/** The transport a port is probed over. */
public enum Protocol {
    /** Connection-oriented: a connect attempt decides the state. */
    TCP,
    /** Datagrams: a reply, an ICMP error or silence decides the state. */
    UDP;

    /**
     * Parses {@code tcp} or {@code udp}, ignoring case.
     *
     * @param text the protocol name, not null
     * @return the protocol
     * @throws IllegalArgumentException naming the argument when the text is neither
     */
    public static Protocol parse(String text) {
        if (text != null) {
            for (Protocol p : values()) {
                if (p.name().equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("protocol must be tcp or udp, was " + text);
    }

    /** @return the lower-case name used in services files ({@code tcp}, {@code udp}) */
    public String servicesName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
