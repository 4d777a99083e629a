package dev.portqry.protocols.msrpc.internal;

import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.msrpc.EndpointMapResult;
import dev.portqry.protocols.msrpc.ProtocolSequence;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import dev.portqry.protocols.msrpc.RpcFaultException;
import dev.portqry.protocols.msrpc.RpcInterfaceId;
import dev.portqry.protocols.msrpc.RpcStatus;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ept_map} call (C706 appendix O, MS-RPCE 3.1.1.5.1.2): "where is this interface over
 * this protocol sequence?". The map tower carries the interface and an empty endpoint and
 * address; the server answers with matching towers, or "not registered".
 */
public final class MapCall implements EpmCall {
    /** Towers asked for. */
    public static final int MAX_TOWERS = 16;

    private final RpcInterfaceId interfaceId;
    private final byte[] mapTower;

    /**
     * @param interfaceId the interface to find, not null
     * @param protocolSequence the protocol wanted, e.g. {@link ProtocolSequence#NCACN_IP_TCP}
     */
    public MapCall(RpcInterfaceId interfaceId, ProtocolSequence protocolSequence) {
        this.interfaceId = interfaceId;
        this.mapTower = Tower.of(new RpcEndpoint(Uuids.NIL, interfaceId, "", protocolSequence, "", "")).encode();
    }

    @Override
    public int opnum() {
        return EptMapRequest.OPNUM;
    }

    @Override
    public String name() {
        return "ept_map";
    }

    @Override
    public void writeRequest(ByteBuf out) {
        new EptMapRequest(mapTower, EptHandle.NULL, MAX_TOWERS).writeTo(out);
    }

    @Override
    public ResponderResult onResponse(ByteBuf stub, boolean littleEndian) {
        EptMapResponse r = EptMapResponse.decode(stub, littleEndian);
        if (r.status().isNotRegistered()) {
            return new EndpointMapResult(interfaceId, List.of());
        }
        if (!r.status().equals(RpcStatus.OK)) {
            throw new RpcFaultException("ept_map failed", r.status());
        }
        List<RpcEndpoint> endpoints = new ArrayList<>(r.towers().size());
        for (byte[] t : r.towers()) {
            endpoints.add(Tower.decode(t).toEndpoint(Uuids.NIL, ""));
        }
        return new EndpointMapResult(interfaceId, endpoints);
    }
}
