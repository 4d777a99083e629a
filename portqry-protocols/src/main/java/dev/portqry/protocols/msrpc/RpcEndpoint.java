package dev.portqry.protocols.msrpc;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One entry of the endpoint map: which interface is reachable where, decoded from an
 * {@code ept_entry_t} and its protocol tower (C706 appendix L, MS-RPCE 2.2.1.1).
 *
 * @param object the entry's object UUID, the nil UUID when none; not null
 * @param interfaceId the interface UUID and version (tower floor 1), not null
 * @param annotation the server's annotation, empty when none; not null
 * @param protocolSequence e.g. {@link ProtocolSequence#NCACN_IP_TCP}, not null
 * @param networkAddress e.g. {@code 127.0.0.1} or {@code \\DC1}, empty when the tower has none; not null
 * @param endpoint e.g. {@code 49153} or {@code \PIPE\lsass}, empty when the tower has none; not null
 */
public record RpcEndpoint(UUID object, RpcInterfaceId interfaceId, String annotation, ProtocolSequence protocolSequence,
                          String networkAddress, String endpoint) {

    /** Checks that nothing is null. */
    public RpcEndpoint {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(interfaceId, "interfaceId");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(protocolSequence, "protocolSequence");
        Objects.requireNonNull(networkAddress, "networkAddress");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * The string binding as PortQry prints it (C706 appendix I, without the object UUID), e.g.
     * {@code ncacn_ip_tcp:127.0.0.1[49153]} or {@code ncacn_np:\\DC1[\PIPE\lsass]}.
     *
     * @return the binding
     */
    public String stringBinding() {
        return protocolSequence.name() + ":" + networkAddress + "[" + endpoint + "]";
    }

    /**
     * @return the annotation, else the well-known name of the interface, else empty
     */
    public String displayName() {
        return annotation.isBlank() ? WellKnownInterfaces.nameOf(interfaceId.uuid()).orElse("") : annotation;
    }

    /** @return the TCP port of an {@code ncacn_ip_tcp} endpoint, else empty */
    public OptionalInt tcpPort() {
        return port(ProtocolSequence.NCACN_IP_TCP);
    }

    /** @return the UDP port of an {@code ncadg_ip_udp} endpoint, else empty */
    public OptionalInt udpPort() {
        return port(ProtocolSequence.NCADG_IP_UDP);
    }

    private OptionalInt port(ProtocolSequence wanted) {
        if (!protocolSequence.equals(wanted) || endpoint.isEmpty() || endpoint.length() > 5) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < endpoint.length(); i++) {
            if (!Character.isDigit(endpoint.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        int p = Integer.parseInt(endpoint);
        return p >= 1 && p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
    }

    /** @return e.g. {@code e3514235-... v4.0 drsuapi ncacn_ip_tcp:0.0.0.0[49153]} */
    @Override
    public String toString() {
        String name = displayName();
        return interfaceId + (name.isEmpty() ? "" : " " + name) + " " + stringBinding();
    }
}
