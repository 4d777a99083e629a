package dev.portqry.protocols.msrpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.msrpc.ProtocolSequence;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import dev.portqry.protocols.msrpc.RpcInterfaceId;
import dev.portqry.protocols.msrpc.RpcStatus;
import dev.portqry.protocols.msrpc.WellKnownInterfaces;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Decodes the PDUs captured from Samba 4.17 and re-encodes what we send. */
public class MsrpcCodecTest {
    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

    private static byte[] bytes(ByteBuf b) {
        return WireBytes.drain(b);
    }

    @Test
    void ourBindIsTheOneSambaAccepted() {
        assertThat(bytes(BindPdu.endpointMapper(1).encode(ALLOC))).isEqualTo(GoldenVectors.hex("msrpc/bind_request.hex"));
        BindPdu back = EpmServerCodec.decodeBind(CoPdu.next(GoldenVectors.hexBuffer("msrpc/bind_request.hex")));
        assertThat(back).isEqualTo(BindPdu.endpointMapper(1));
    }

    @Test
    void bindAck() {
        CoPdu pdu = CoPdu.next(GoldenVectors.hexBuffer("msrpc/bind_ack.hex"));
        assertThat(pdu.header().type()).isEqualTo(CoPduType.BIND_ACK);
        assertThat(pdu.header().callId()).isEqualTo(1);
        BindAckPdu ack = BindAckPdu.decode(pdu);
        assertThat(ack.maxXmitFrag()).isEqualTo(4280);
        assertThat(ack.maxRecvFrag()).isEqualTo(4280);
        assertThat(ack.secondaryAddress()).isEqualTo("135");
        assertThat(ack.results()).singleElement().satisfies(r -> {
            assertThat(r.accepted()).isTrue();
            assertThat(r.transferSyntax()).isEqualTo(RpcInterfaceId.NDR);
        });
        assertThat(bytes(EpmServerCodec.encode(ack, ALLOC, 1))).isEqualTo(GoldenVectors.hex("msrpc/bind_ack.hex"));
    }

    @Test
    void rejectedBindAckAndBindNakAndFault() {
        BindAckPdu rejected = BindAckPdu.decode(CoPdu.next(GoldenVectors.hexBuffer("msrpc/bind_unknown_interface_reply.hex")));
        assertThat(rejected.results().get(0).accepted()).isFalse();
        assertThat(rejected.results().get(0).reasonText()).isEqualTo("abstract syntax not supported");

        CoPdu nak = CoPdu.next(GoldenVectors.hexBuffer("msrpc/bind_bad_version_reply.hex"));
        assertThat(nak.header().type()).isEqualTo(CoPduType.BIND_NAK);
        assertThat(BindNakPdu.decode(nak).reasonText()).isEqualTo("protocol version not supported");
        assertThat(BindNakPdu.decode(nak).versions()).containsExactly("5.0");

        FaultPdu fault = FaultPdu.decode(CoPdu.next(GoldenVectors.hexBuffer("msrpc/fault_bad_opnum.hex")));
        assertThat(fault.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR);
        assertThat(fault.didNotExecute()).isTrue();
        // Samba puts 24 in alloc_hint, we put 0 (a fault carries no stub): the rest must match.
        byte[] ours = bytes(EpmServerCodec.encode(fault, ALLOC));
        assertThat(FaultPdu.decode(CoPdu.next(io.netty.buffer.Unpooled.wrappedBuffer(ours)))).isEqualTo(fault);
        assertThat(java.util.Arrays.copyOfRange(ours, 20, 32)).isEqualTo(java.util.Arrays.copyOfRange(GoldenVectors.hex("msrpc/fault_bad_opnum.hex"), 20, 32));
    }

    @Test
    void ourLookupRequestsAreTheOnesSambaAnswered() {
        byte[] first = bytes(new RequestPdu(2, 0, 2, stub(EptLookupRequest.all(EptHandle.NULL, 500))).encode(ALLOC));
        assertThat(first).isEqualTo(GoldenVectors.hex("msrpc/lookup1_request.hex"));
        EptLookupResponse page1 = page1();
        byte[] second = bytes(new RequestPdu(3, 0, 2, stub(EptLookupRequest.all(page1.handle(), 500))).encode(ALLOC));
        assertThat(second).isEqualTo(GoldenVectors.hex("msrpc/lookup2_request.hex"));
        RequestPdu decoded = EpmServerCodec.decodeRequest(CoPdu.next(GoldenVectors.hexBuffer("msrpc/lookup2_request.hex")));
        EptLookupRequest req = EpmServerCodec.decodeLookup(io.netty.buffer.Unpooled.wrappedBuffer(decoded.stub()), true);
        assertThat(req.handle()).isEqualTo(page1.handle());
        assertThat(req.maxEntries()).isEqualTo(500);
    }

    private static byte[] stub(EptLookupRequest r) {
        ByteBuf b = ALLOC.heapBuffer();
        r.writeTo(b);
        return bytes(b);
    }

    /** @return the first page of Samba's endpoint map, decoded from the golden capture */
    public static EptLookupResponse page1() {
        CoFragmentAssembler a = new CoFragmentAssembler(1 << 20);
        assertThat(a.add(ResponsePdu.decode(CoPdu.next(GoldenVectors.hexBuffer("msrpc/lookup1_response_frag1.hex"))))).isNull();
        ByteBuf stub = a.add(ResponsePdu.decode(CoPdu.next(GoldenVectors.hexBuffer("msrpc/lookup1_response_frag2.hex"))));
        return EptLookupResponse.decode(stub, true);
    }

    @Test
    void firstPageHoldsAll53EntriesOfSamba() {
        EptLookupResponse page = page1();
        assertThat(page.status()).isEqualTo(RpcStatus.OK);
        assertThat(page.handle().isNull()).isFalse();
        List<RpcEndpoint> eps = page.entries().stream().map(EptEntry::toEndpoint).toList();
        assertThat(eps).hasSize(53);
        Map<String, Long> bySeq = eps.stream().collect(Collectors.groupingBy(e -> e.protocolSequence().name(), Collectors.counting()));
        assertThat(bySeq).containsOnly(Map.entry("ncacn_np", 24L), Map.entry("ncalrpc", 11L),
                Map.entry("ncacn_ip_tcp", 16L), Map.entry("ncacn_http", 2L));
        assertThat(eps.stream().flatMapToInt(e -> e.tcpPort().stream()).distinct().sorted().boxed().toList())
                .containsExactly(135, 49152, 49153, 49154);
        RpcEndpoint first = eps.get(0);
        assertThat(first.interfaceId()).isEqualTo(RpcInterfaceId.of("50abc2a4-574d-40b3-9d66-ee4fd5fba076", 5, 0));
        assertThat(first.annotation()).isEqualTo("dnsserver");
        assertThat(first.object()).isEqualTo(new UUID(0, 0));
        assertThat(first.stringBinding()).isEqualTo("ncacn_np:[\\pipe\\dnsserver]");
        assertThat(eps).anySatisfy(e -> {
            assertThat(e.interfaceId()).isEqualTo(WellKnownInterfaces.byName("DRSUAPI").orElseThrow());
            assertThat(e.stringBinding()).isEqualTo("ncacn_ip_tcp:0.0.0.0[49153]");
        });
        assertThat(eps).anySatisfy(e -> assertThat(e.stringBinding()).isEqualTo("ncalrpc:[EPMAPPER]"));
        assertThat(eps).anySatisfy(e -> assertThat(e.stringBinding()).isEqualTo("ncacn_http:0.0.0.0[593]"));
    }

    @Test
    void everyEntryMatchesSambasOwnClient() throws Exception {
        List<String> expected = new String(GoldenVectors.raw("msrpc/rpcclient-epmlookup.txt"), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                // "<object> ncacn_ip_tcp:0.0.0.0[49153,abstract_syntax=<uuid>/0x00000004]: drsuapi"
                .map(l -> l.replaceAll("^\\S+ (\\w+):([^\\[]*)\\[([^,]*),abstract_syntax=([0-9a-f-]+)/0x0*(\\w+)\\]: (.*)$",
                        "$1 $2 $3 $4 v$5 $6"))
                .toList();
        List<String> ours = page1().entries().stream().map(EptEntry::toEndpoint)
                .map(e -> e.protocolSequence() + " " + e.networkAddress() + " " + e.endpoint() + " " + e.interfaceId().uuid()
                        + " v" + Integer.toHexString(e.interfaceId().majorVersion()) + " " + e.annotation())
                .toList();
        assertThat(ours).hasSize(53).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void lastPageIsNotRegistered() {
        CoPdu pdu = CoPdu.next(GoldenVectors.hexBuffer("msrpc/lookup2_response_frag1.hex"));
        EptLookupResponse r = EptLookupResponse.decode(ResponsePdu.decode(pdu).stubPartBuf(), true);
        assertThat(r.entries()).isEmpty();
        assertThat(r.handle().isNull()).isTrue();
        assertThat(r.status()).isEqualTo(RpcStatus.EPT_S_NOT_REGISTERED);
        assertThat(r.status().isNotRegistered()).isTrue();
    }

    @Test
    void responseEncoderReproducesSambasStub() {
        EptLookupResponse r = page1();
        ByteBuf again = ALLOC.heapBuffer();
        EpmServerCodec.write(r, again, 500);
        EptLookupResponse back = EptLookupResponse.decode(again, true);
        again.release();
        assertThat(back.entries()).hasSize(53);
        assertThat(back.entries().stream().map(EptEntry::toEndpoint).toList())
                .isEqualTo(r.entries().stream().map(EptEntry::toEndpoint).toList());
    }

    @Test
    void mapDrsuapi() {
        RpcInterfaceId drs = WellKnownInterfaces.parse("drsuapi");
        byte[] tower = Tower.of(new RpcEndpoint(Uuids.NIL, drs, "", ProtocolSequence.NCACN_IP_TCP, "", "")).encode();
        ByteBuf stub = ALLOC.heapBuffer();
        new EptMapRequest(tower, EptHandle.NULL, 4).writeTo(stub);
        assertThat(bytes(new RequestPdu(4, 0, 3, bytes(stub)).encode(ALLOC))).isEqualTo(GoldenVectors.hex("msrpc/map_drsuapi_request.hex"));

        CoPdu pdu = CoPdu.next(GoldenVectors.hexBuffer("msrpc/map_drsuapi_response_frag1.hex"));
        EptMapResponse r = EptMapResponse.decode(ResponsePdu.decode(pdu).stubPartBuf(), true);
        assertThat(r.status()).isEqualTo(RpcStatus.OK);
        assertThat(r.towers()).hasSize(1);
        Tower t = Tower.decode(r.towers().get(0));
        assertThat(t.interfaceId()).isEqualTo(drs);
        assertThat(t.transferSyntax()).isEqualTo(RpcInterfaceId.NDR);
        assertThat(t.toEndpoint(Uuids.NIL, "").stringBinding()).isEqualTo("ncacn_ip_tcp:0.0.0.0[49153]");
    }
}
