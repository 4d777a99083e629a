package dev.portqry.protocols.msrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.msrpc.internal.ClHeader;
import dev.portqry.protocols.msrpc.internal.ClPdu;
import dev.portqry.protocols.msrpc.internal.ClPduType;
import dev.portqry.protocols.msrpc.internal.EpmTestServer;
import dev.portqry.protocols.msrpc.internal.EpmServerCodec;
import dev.portqry.protocols.msrpc.internal.EptHandle;
import dev.portqry.protocols.msrpc.internal.EptLookupRequest;
import dev.portqry.protocols.msrpc.internal.LookupCall;
import dev.portqry.protocols.msrpc.internal.MapCall;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connectionless conversation against the spec-written test server's datagrams, in plain buffers. */
class ClEpmConversationTest {
    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);
    private static final UUID ACTIVITY = UUID.fromString("6d0c3a8e-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
    private EpmTestServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new EpmTestServer(InetAddress.getLoopbackAddress(), EpmTestServer.sampleEndpoints());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private static byte[] take(ByteBuf b) {
        return WireBytes.drain(b);
    }

    private static ClPdu pdu(byte[] datagram) {
        return ClPdu.decode(Unpooled.wrappedBuffer(datagram));
    }

    @Test
    void lookupInTwoFragmentsThenNotRegistered() {
        ClEpmConversation c = new ClEpmConversation(ALLOC, new LookupCall(100, 500), 1 << 20, ACTIVITY);
        ClPdu request = pdu(take(c.start()));
        assertThat(request.header().type()).isEqualTo(ClPduType.REQUEST);
        assertThat(request.header().sequence()).isZero();
        assertThat(request.header().opnum()).isEqualTo(2);
        assertThat(request.header().activity()).isEqualTo(ACTIVITY);
        List<byte[]> frags = server.clResponses(request);
        Step s = c.onReceive(Unpooled.wrappedBuffer(frags.get(0)));
        ClPdu fack = pdu(take(((Step.Send) s).data()));
        assertThat(fack.header().type()).isEqualTo(ClPduType.FACK);
        assertThat(fack.header().fragmentNumber()).isZero();
        ClPdu second = pdu(take(((Step.Send) c.onReceive(Unpooled.wrappedBuffer(frags.get(1)))).data()));
        assertThat(second.header().type()).isEqualTo(ClPduType.REQUEST);
        assertThat(second.header().sequence()).isEqualTo(1);
        assertThat(second.header().serverBoot()).isEqualTo(0x5eed);
        List<byte[]> last = server.clResponses(second);
        take(((Step.Send) c.onReceive(Unpooled.wrappedBuffer(last.get(0)))).data()); // the fack
        Step done = c.onReceive(Unpooled.wrappedBuffer(last.get(1)));
        EndpointMapperResult dump = (EndpointMapperResult) ((Step.Done) done).result();
        assertThat(dump.endpoints()).isEqualTo(EpmTestServer.sampleEndpoints());
        assertThat(dump.tcpPorts()).containsExactly(135, 49153, 49154);
        assertThat(dump.pages()).isEqualTo(2);
    }

    @Test
    void fragmentsOutOfOrderAndDuplicated() {
        ClEpmConversation c = new ClEpmConversation(ALLOC, new LookupCall(100, 500), 1 << 20, ACTIVITY);
        List<byte[]> frags = server.clResponses(pdu(take(c.start())));
        take(((Step.Send) c.onReceive(Unpooled.wrappedBuffer(frags.get(1)))).data());
        take(((Step.Send) c.onReceive(Unpooled.wrappedBuffer(frags.get(1)))).data());
        ClPdu next = pdu(take(((Step.Send) c.onReceive(Unpooled.wrappedBuffer(frags.get(0)))).data()));
        assertThat(next.header().sequence()).isEqualTo(1);
    }

    @Test
    void otherActivityOrSequenceIsIgnoredAndRetryKeepsTheSequence() {
        ClEpmConversation c = new ClEpmConversation(ALLOC, new LookupCall(100, 500), 1 << 20, ACTIVITY);
        ClPdu request = pdu(take(c.start()));
        ClEpmConversation other = new ClEpmConversation(ALLOC, new LookupCall(100, 500), 1 << 20, UUID.randomUUID());
        List<byte[]> foreign = server.clResponses(pdu(take(other.start())));
        assertThat(c.onReceive(Unpooled.wrappedBuffer(foreign.get(0)))).isInstanceOf(Step.NeedMore.class);
        ClPdu retry = pdu(take(c.start()));
        assertThat(retry.header().sequence()).isEqualTo(request.header().sequence());
        assertThat(retry.header().serial()).isEqualTo(request.header().serial() + 1);
    }

    @Test
    void mapOverUdp() {
        ClEpmConversation c = new ClEpmConversation(ALLOC,
                new MapCall(WellKnownInterfaces.parse("DRSUAPI"), ProtocolSequence.NCACN_IP_TCP), 1 << 20, ACTIVITY);
        List<byte[]> frags = server.clResponses(pdu(take(c.start())));
        take(((Step.Send) c.onReceive(Unpooled.wrappedBuffer(frags.get(0)))).data());
        EndpointMapResult m = (EndpointMapResult) ((Step.Done) c.onReceive(Unpooled.wrappedBuffer(frags.get(1)))).result();
        assertThat(m.tcpPorts()).containsExactly(49153);
    }

    private static byte[] reply(ClPdu request, ClPduType type, byte[] body) {
        ClHeader h = request.header().with(type, 0, body.length, 0);
        return take(new ClPdu(h, body).encode(ALLOC));
    }

    @Test
    void faultRejectWorkingNocall() {
        ClEpmConversation c = new ClEpmConversation(ALLOC, new LookupCall(100, 500), 1 << 20, ACTIVITY);
        ClPdu request = pdu(take(c.start()));
        assertThat(c.onReceive(Unpooled.wrappedBuffer(reply(request, ClPduType.WORKING, new byte[0])))).isInstanceOf(Step.NeedMore.class);
        assertThat(c.onReceive(Unpooled.wrappedBuffer(reply(request, ClPduType.NOCALL, new byte[0])))).isInstanceOf(Step.NeedMore.class);
        byte[] unkIf = {0x03, 0x00, 0x01, 0x1c};
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(reply(request, ClPduType.REJECT, unkIf))))
                .isInstanceOfSatisfying(RpcFaultException.class, e -> assertThat(e.status()).contains(RpcStatus.NCA_S_UNK_IF));
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(reply(request, ClPduType.FAULT, new byte[] {5, 0, 0, 0}))))
                .isInstanceOfSatisfying(RpcFaultException.class, e -> assertThat(e.status()).contains(RpcStatus.ACCESS_DENIED));
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(reply(request, ClPduType.FAULT, new byte[2]))))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("no status");
    }

    @Test
    void malformedDatagrams() {
        ClEpmConversation c = new ClEpmConversation(ALLOC, new LookupCall(100, 500), 1 << 20, ACTIVITY);
        byte[] request = take(c.start());
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(new byte[] {0})))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("shorter than a connectionless header");
        byte[] echo = request.clone();
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(echo)))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("expected a response");
        List<byte[]> frags = server.clResponses(pdu(request));
        byte[] longLen = frags.get(0).clone();
        longLen[74] = (byte) 0xff;
        longLen[75] = (byte) 0x7f;
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(longLen)))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("past the");
        byte[] v5 = frags.get(0).clone();
        v5[0] = 5;
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(v5)))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("version 5");
        byte[] hugeFrag = frags.get(0).clone();
        hugeFrag[76] = (byte) 0xff;
        hugeFrag[77] = (byte) 0xff;
        assertThatThrownBy(() -> c.onReceive(Unpooled.wrappedBuffer(hugeFrag)))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("fragment number 65535");
    }

    @Test
    void goldenUdpVectorsDecode() {
        ClPdu req = pdu(GoldenVectors.hex("msrpc/cl_lookup_0_request.hex"));
        assertThat(req.header().type()).isEqualTo(ClPduType.REQUEST);
        assertThat(req.header().interfaceUuid()).isEqualTo(WellKnownInterfaces.parse("EPM").uuid());
        assertThat(req.header().interfaceVersion()).isEqualTo(3);
        assertThat(req.header().flags1()).isEqualTo(ClHeader.IDEMPOTENT);
        EptLookupRequest lookup = EpmServerCodec.decodeLookup(Unpooled.wrappedBuffer(req.body()), true);
        assertThat(lookup).isEqualTo(EptLookupRequest.all(EptHandle.NULL, 500));
        ClEpmConversation c = new ClEpmConversation(ALLOC, new LookupCall(100, 500), 1 << 20, req.header().activity());
        assertThat(take(c.start())).isEqualTo(GoldenVectors.hex("msrpc/cl_lookup_0_request.hex"));
        ClPdu fack = pdu(GoldenVectors.hex("msrpc/cl_lookup_2_fack.hex"));
        assertThat(fack.header().type()).isEqualTo(ClPduType.FACK);
        assertThat(fack.body()).hasSize(16);
    }
}
