package dev.portqry.protocols.msrpc;

import java.util.List;
import java.util.Objects;

/**
 * An RPC protocol sequence as a string binding names it (C706 appendix I, MS-RPCE 2.1.1),
 * recognised from the protocol identifiers of a tower's floors 3 and up (C706 appendix L,
 * MS-RPCE 2.2.1.1). An open value type: a combination without a name keeps its identifiers.
 *
 * @param name the string-binding prefix, e.g. {@code ncacn_ip_tcp}, or {@code unknown(0b,12,11)}
 */
public record ProtocolSequence(String name) {
    /** Connection-oriented RPC over TCP: floors 0x0b, 0x07 (port), 0x09 (IPv4). */
    public static final ProtocolSequence NCACN_IP_TCP = new ProtocolSequence("ncacn_ip_tcp");
    /** Connectionless RPC over UDP: floors 0x0a, 0x08 (port), 0x09 (IPv4). */
    public static final ProtocolSequence NCADG_IP_UDP = new ProtocolSequence("ncadg_ip_udp");
    /** Connection-oriented RPC over SMB named pipes: floors 0x0b, 0x0f (pipe), 0x11 (NetBIOS host). */
    public static final ProtocolSequence NCACN_NP = new ProtocolSequence("ncacn_np");
    /** Local RPC: floors 0x0c, 0x10 (port name). */
    public static final ProtocolSequence NCALRPC = new ProtocolSequence("ncalrpc");
    /** RPC over HTTP: floors 0x0b, 0x1f (port), 0x09 (IPv4). */
    public static final ProtocolSequence NCACN_HTTP = new ProtocolSequence("ncacn_http");
    /** Connection-oriented RPC over NetBIOS over TCP: floors 0x0b, 0x12, 0x11 (MS-RPCE 2.1.1.4). */
    public static final ProtocolSequence NCACN_NB_TCP = new ProtocolSequence("ncacn_nb_tcp");

    private static final List<ProtocolSequence> KNOWN =
            List.of(NCACN_IP_TCP, NCADG_IP_UDP, NCACN_NP, NCALRPC, NCACN_HTTP, NCACN_NB_TCP);

    /** Checks the name. */
    public ProtocolSequence {
        Objects.requireNonNull(name, "name");
    }

    /**
     * @param floorIds the protocol identifiers of floors 3, 4 and 5 (fewer for ncalrpc), not null
     * @return the matching constant, or an unknown sequence named after the identifiers
     */
    public static ProtocolSequence fromFloors(List<Integer> floorIds) {
        if (floorIds.size() >= 2) {
            int rpc = floorIds.get(0);
            int transport = floorIds.get(1);
            if (rpc == 0x0b && transport == 0x07) {
                return NCACN_IP_TCP;
            }
            if (rpc == 0x0a && transport == 0x08) {
                return NCADG_IP_UDP;
            }
            if (rpc == 0x0b && transport == 0x0f) {
                return NCACN_NP;
            }
            if (rpc == 0x0c && transport == 0x10) {
                return NCALRPC;
            }
            if (rpc == 0x0b && transport == 0x1f) {
                return NCACN_HTTP;
            }
            if (rpc == 0x0b && transport == 0x12) {
                return NCACN_NB_TCP;
            }
        }
        StringBuilder sb = new StringBuilder("unknown(");
        for (int i = 0; i < floorIds.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(String.format("%02x", floorIds.get(i)));
        }
        return new ProtocolSequence(sb.append(')').toString());
    }

    /** @return whether this is one of the named sequences */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /**
     * @param name a string-binding prefix, e.g. {@code ncacn_ip_tcp}; any case
     * @return the named sequence
     * @throws IllegalArgumentException naming the text when it is not a known sequence
     */
    public static ProtocolSequence parse(String name) {
        ProtocolSequence p = new ProtocolSequence(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (!p.isKnown()) {
            throw new IllegalArgumentException("protocol sequence must be one of " + KNOWN + ", was " + name);
        }
        return p;
    }

    @Override
    public String toString() {
        return name;
    }
}
