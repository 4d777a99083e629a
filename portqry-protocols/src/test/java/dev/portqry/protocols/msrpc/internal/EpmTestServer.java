package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.ProtocolSequence;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import dev.portqry.protocols.msrpc.RpcInterfaceId;
import dev.portqry.protocols.msrpc.RpcStatus;
import dev.portqry.protocols.msrpc.WellKnownInterfaces;
import dev.portqry.testkit.LoopbackPeer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint mapper written from C706 for tests: answers ept_lookup with every entry in one
 * page (its stub split in two fragments) and a non-null handle, then 0 entries with
 * ept_s_not_registered, as Samba does; answers ept_map from the same list. Speaks
 * connection-oriented DCE/RPC on a TCP port and connectionless on a UDP port of loopback.
 */
public final class EpmTestServer implements AutoCloseable {
    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);
    private static final EptHandle HANDLE = new EptHandle(0, UUID.fromString("45810da4-e42e-1d48-affb-bdae572f017b"));

    private final List<RpcEndpoint> endpoints;
    private final LoopbackPeer tcp;
    private final LoopbackPeer udp;

    /**
     * @param address loopback address to bind
     * @param endpoints what the map holds
     */
    public EpmTestServer(InetAddress address, List<RpcEndpoint> endpoints) throws IOException {
        this.endpoints = List.copyOf(endpoints);
        this.tcp = LoopbackPeer.tcp(address, (socket, in, out) -> serve(in, out));
        this.udp = LoopbackPeer.udpScripted(address, this::onDatagram);
    }

    /** @return the TCP port */
    public int tcpPort() {
        return tcp.port();
    }

    /** @return the UDP port */
    public int udpPort() {
        return udp.port();
    }

    /**
     * The response stub for a request.
     *
     * @param opnum 2 (ept_lookup) or 3 (ept_map)
     * @param stub the request stub
     * @return the response stub
     */
    public byte[] answer(int opnum, byte[] stub) {
        ByteBuf out = ALLOC.heapBuffer();
        try {
            if (opnum == EptLookupRequest.OPNUM) {
                EptLookupRequest req = EpmServerCodec.decodeLookup(Unpooled.wrappedBuffer(stub), true);
                boolean first = req.handle().isNull();
                List<EptEntry> entries = first ? endpoints.stream().limit(req.maxEntries()).map(EptEntry::of).toList() : List.of();
                EpmServerCodec.write(new EptLookupResponse(first ? HANDLE : EptHandle.NULL, entries,
                        first ? RpcStatus.OK : RpcStatus.EPT_S_NOT_REGISTERED), out, req.maxEntries());
            } else {
                EptMapRequest req = EpmServerCodec.decodeMap(Unpooled.wrappedBuffer(stub), true);
                Tower wanted = Tower.decode(req.mapTower());
                RpcInterfaceId id = wanted.interfaceId();
                List<byte[]> towers = endpoints.stream()
                        .filter(e -> e.interfaceId().equals(id) && e.protocolSequence().equals(wanted.protocolSequence()))
                        .map(e -> Tower.of(e).encode()).toList();
                EpmServerCodec.write(new EptMapResponse(EptHandle.NULL, towers,
                        towers.isEmpty() ? RpcStatus.EPT_S_NOT_REGISTERED : RpcStatus.OK), out, req.maxTowers());
            }
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /**
     * The connectionless response to a request, in two fragments (the second with lastfrag).
     *
     * @param request a request PDU
     * @return the datagrams
     */
    public List<byte[]> clResponses(ClPdu request) {
        byte[] stub = answer(request.header().opnum(), request.body());
        int half = stub.length / 2;
        List<byte[]> out = new ArrayList<>();
        byte[][] parts = {Arrays.copyOfRange(stub, 0, half), Arrays.copyOfRange(stub, half, stub.length)};
        for (int i = 0; i < 2; i++) {
            int flags = ClHeader.FRAG | ClHeader.IDEMPOTENT | (i == 1 ? ClHeader.LASTFRAG : 0);
            ClHeader h = request.header().with(ClPduType.RESPONSE, flags, parts[i].length, i);
            h = new ClHeader(h.type(), h.flags1(), 0, true, i, h.object(), h.interfaceUuid(), h.activity(), 0x5eed,
                    h.interfaceVersion(), h.sequence(), h.opnum(), h.bodyLength(), i, 0);
            ByteBuf b = new ClPdu(h, parts[i]).encode(ALLOC);
            out.add(ByteBufUtil.getBytes(b));
            b.release();
        }
        return out;
    }

    private void onDatagram(LoopbackPeer.Datagram d) throws IOException {
        ClPdu pdu;
        try {
            pdu = ClPdu.decode(Unpooled.wrappedBuffer(d.payload()));
        } catch (RuntimeException notRpc) {
            return; // the plain step-1 datagram
        }
        if (!pdu.header().type().equals(ClPduType.REQUEST)) {
            return; // facks
        }
        for (byte[] reply : clResponses(pdu)) {
            d.reply(reply);
        }
    }

    private void serve(InputStream is, OutputStream os) {
        ByteBuf in = Unpooled.buffer();
        try {
            byte[] chunk = new byte[4096];
            int n;
            while ((n = is.read(chunk)) > 0) {
                in.writeBytes(chunk, 0, n);
                CoPdu pdu;
                while ((pdu = CoPdu.next(in)) != null) {
                    for (byte[] reply : coReplies(pdu)) {
                        os.write(reply);
                    }
                    os.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent garbage: end this connection
        } finally {
            in.release();
        }
    }

    /**
     * @param pdu a bind or request
     * @return bind_ack, or the response in two fragments
     */
    public List<byte[]> coReplies(CoPdu pdu) {
        long call = pdu.header().callId();
        List<ByteBuf> out = new ArrayList<>();
        if (pdu.header().type().equals(CoPduType.BIND)) {
            BindPdu bind = EpmServerCodec.decodeBind(pdu);
            out.add(EpmServerCodec.encode(new BindAckPdu(bind.maxRecvFrag(), bind.maxRecvFrag(), 0x5eed, "135",
                    List.of(new BindAckPdu.Result(0, 0, RpcInterfaceId.NDR))), ALLOC, call));
        } else {
            RequestPdu req = EpmServerCodec.decodeRequest(pdu);
            byte[] stub = answer(req.opnum(), req.stub());
            int half = stub.length / 2;
            out.add(EpmServerCodec.response(ALLOC, CoHeader.PFC_FIRST_FRAG, call, stub.length, Arrays.copyOfRange(stub, 0, half)));
            out.add(EpmServerCodec.response(ALLOC, CoHeader.PFC_LAST_FRAG, call, stub.length - half,
                    Arrays.copyOfRange(stub, half, stub.length)));
        }
        List<byte[]> bytes = new ArrayList<>();
        for (ByteBuf b : out) {
            bytes.add(ByteBufUtil.getBytes(b));
            b.release();
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        tcp.close();
        udp.close();
    }

    /** @return a small DC-like endpoint map */
    public static List<RpcEndpoint> sampleEndpoints() {
        UUID nil = Uuids.NIL;
        return List.of(
                new RpcEndpoint(nil, WellKnownInterfaces.parse("EPM"), "", ProtocolSequence.NCACN_IP_TCP, "127.0.0.1", "135"),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("DRSUAPI"), "drsuapi", ProtocolSequence.NCACN_IP_TCP, "127.0.0.1", "49153"),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("LSARPC"), "", ProtocolSequence.NCACN_IP_TCP, "127.0.0.1", "49153"),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("NETLOGON"), "", ProtocolSequence.NCACN_IP_TCP, "127.0.0.1", "49154"),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("SAMR"), "samr", ProtocolSequence.NCACN_NP, "\\\\DC1", "\\PIPE\\lsass"),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("DNSSERVER"), "", ProtocolSequence.NCALRPC, "", "DNSSERVER"),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("WINS" + "IF"), "", ProtocolSequence.NCADG_IP_UDP, "127.0.0.1", "49155"),
                new RpcEndpoint(nil, WellKnownInterfaces.parse("MGMT"), "", ProtocolSequence.NCACN_HTTP, "127.0.0.1", "593"));
    }
}
