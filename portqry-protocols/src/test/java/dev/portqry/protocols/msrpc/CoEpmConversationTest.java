package dev.portqry.protocols.msrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.msrpc.internal.CoHeader;
import dev.portqry.protocols.msrpc.internal.CoPduType;
import dev.portqry.protocols.msrpc.internal.EptHandle;
import dev.portqry.protocols.msrpc.internal.EpmServerCodec;
import dev.portqry.protocols.msrpc.internal.EptLookupResponse;
import dev.portqry.protocols.msrpc.internal.FaultPdu;
import dev.portqry.protocols.msrpc.internal.LookupCall;
import dev.portqry.protocols.msrpc.internal.MapCall;
import dev.portqry.protocols.msrpc.internal.MsrpcCodecTest;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the TCP conversation with Samba's captured PDUs in plain buffers, no sockets. */
class CoEpmConversationTest {
    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

    private static CoEpmConversation lookup(int pageSize) {
        return new CoEpmConversation(ALLOC, new LookupCall(10_000, pageSize), 1 << 20);
    }

    /** Feeds bytes as a TCP cumulation would hold them; returns the step and checks what was sent. */
    private static Step feed(CoEpmConversation c, ByteBuf cumulation, byte[] more) {
        cumulation.writeBytes(more);
        return c.onReceive(cumulation);
    }

    private static byte[] sent(Step step) {
        assertThat(step).isInstanceOf(Step.Send.class);
        return WireBytes.drain(((Step.Send) step).data());
    }

    /** Takes {@code c} past bind_ack; @return its stream buffer, the first request already checked as sent */
    private static ByteBuf bound(CoEpmConversation c) {
        c.start().release();
        ByteBuf in = Unpooled.buffer();
        sent(feed(c, in, GoldenVectors.hex("msrpc/bind_ack.hex")));
        return in;
    }

    @Test
    void fullSambaConversation() {
        CoEpmConversation c = lookup(500);
        ByteBuf start = c.start();
        assertThat(ByteBufUtil.getBytes(start)).isEqualTo(GoldenVectors.hex("msrpc/bind_request.hex"));
        start.release();
        ByteBuf in = Unpooled.buffer();
        assertThat(sent(feed(c, in, GoldenVectors.hex("msrpc/bind_ack.hex")))).isEqualTo(GoldenVectors.hex("msrpc/lookup1_request.hex"));
        assertThat(feed(c, in, GoldenVectors.hex("msrpc/lookup1_response_frag1.hex"))).isInstanceOf(Step.NeedMore.class);
        assertThat(sent(feed(c, in, GoldenVectors.hex("msrpc/lookup1_response_frag2.hex")))).isEqualTo(GoldenVectors.hex("msrpc/lookup2_request.hex"));
        Step done = feed(c, in, GoldenVectors.hex("msrpc/lookup2_response_frag1.hex"));
        EndpointMapperResult dump = (EndpointMapperResult) ((Step.Done) done).result();
        assertThat(dump.endpoints()).hasSize(53);
        assertThat(dump.pages()).isEqualTo(2);
        assertThat(dump.truncated()).isFalse();
        assertThat(dump.tcpPorts()).containsExactly(135, 49152, 49153, 49154);
        assertThat(in.isReadable()).isFalse();
    }

    @Test
    void bytesArrivingOneAtATimeGiveTheSameDump() {
        CoEpmConversation c = lookup(500);
        c.start().release();
        ByteBuf in = Unpooled.buffer();
        byte[] stream = WireBytes.concat(GoldenVectors.hex("msrpc/lookup1_response_frag1.hex"), GoldenVectors.hex("msrpc/lookup1_response_frag2.hex"));
        sent(feed(c, in, GoldenVectors.hex("msrpc/bind_ack.hex")));
        Step last = null;
        for (byte b : stream) {
            last = feed(c, in, new byte[] {b});
            if (last instanceof Step.Send) {
                break;
            }
            assertThat(last).isInstanceOf(Step.NeedMore.class);
        }
        sent(last);
        Step done = feed(c, in, GoldenVectors.hex("msrpc/lookup2_response_frag1.hex"));
        assertThat(((EndpointMapperResult) ((Step.Done) done).result()).endpoints()).hasSize(53);
    }

    @Test
    void pagesOfTwentyFollowTheHandleToTheEnd() {
        CoEpmConversation c = lookup(20);
        ByteBuf in = bound(c);
        sent(feed(c, in, GoldenVectors.hex("msrpc/paged20_1_response_frag1.hex")));
        sent(feed(c, in, GoldenVectors.hex("msrpc/paged20_2_response_frag1.hex")));
        sent(feed(c, in, GoldenVectors.hex("msrpc/paged20_3_response_frag1.hex")));
        EndpointMapperResult dump = (EndpointMapperResult) ((Step.Done) feed(c, in, GoldenVectors.hex("msrpc/paged20_4_response_frag1.hex"))).result();
        assertThat(dump.endpoints()).hasSize(53);
        assertThat(dump.pages()).isEqualTo(4);
    }

    @Test
    void entryCapTruncates() {
        CoEpmConversation c = new CoEpmConversation(ALLOC, new LookupCall(30, 20), 1 << 20);
        ByteBuf in = bound(c);
        sent(feed(c, in, GoldenVectors.hex("msrpc/paged20_1_response_frag1.hex")));
        EndpointMapperResult dump = (EndpointMapperResult) ((Step.Done) feed(c, in, GoldenVectors.hex("msrpc/paged20_2_response_frag1.hex"))).result();
        assertThat(dump.endpoints()).hasSize(30);
        assertThat(dump.truncated()).isTrue();
        assertThat(dump.reportLines()).contains("(list truncated after 30 endpoints)", "Total endpoints found: 30");
    }

    @Test
    void windowsStyleEndWithStatusZeroAndNullHandle() {
        // One page holding entries, a null handle and status 0: the list is complete, no further call.
        EptLookupResponse page1 = MsrpcCodecTest.page1();
        EptLookupResponse windows = new EptLookupResponse(EptHandle.NULL, page1.entries().subList(0, 3), RpcStatus.OK);
        ByteBuf stub = ALLOC.heapBuffer();
        EpmServerCodec.write(windows, stub, 500);
        ByteBuf pdu = EpmServerCodec.response(ALLOC, CoHeader.PFC_FIRST_FRAG | CoHeader.PFC_LAST_FRAG, 2, stub.readableBytes(),
                ByteBufUtil.getBytes(stub));
        stub.release();
        byte[] response = ByteBufUtil.getBytes(pdu);
        pdu.release();
        CoEpmConversation c = lookup(500);
        ByteBuf in = bound(c);
        EndpointMapperResult dump = (EndpointMapperResult) ((Step.Done) feed(c, in, response)).result();
        assertThat(dump.endpoints()).hasSize(3);
        assertThat(dump.pages()).isEqualTo(1);
    }

    @Test
    void mapConversationFindsDrsuapi() {
        CoEpmConversation c = new CoEpmConversation(ALLOC,
                new MapCall(WellKnownInterfaces.parse("DRSUAPI"), ProtocolSequence.NCACN_IP_TCP), 1 << 20);
        ByteBuf in = bound(c);
        byte[] mapReply = GoldenVectors.hex("msrpc/map_drsuapi_response_frag1.hex");
        mapReply[12] = 2; // Samba answered call 4 of its session; ours is call 2.
        EndpointMapResult m = (EndpointMapResult) ((Step.Done) feed(c, in, mapReply)).result();
        assertThat(m.tcpPorts()).containsExactly(49153);
        assertThat(m.summary()).startsWith("DRSUAPI e3514235-4b06-11d1-ab04-00c04fc2dcd2 v4.0 -> ncacn_ip_tcp:0.0.0.0[49153]");
    }

    @Test
    void wrongCallIdIsRejected() {
        CoEpmConversation c = lookup(500);
        c.start().release();
        byte[] ack = GoldenVectors.hex("msrpc/bind_ack.hex");
        ack[12] = 7;
        assertThatThrownBy(() -> feed(c, Unpooled.buffer(), ack))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("call id 7");
    }

    @Test
    void faultInTheMiddleOfPaging() {
        CoEpmConversation c = lookup(20);
        ByteBuf in = bound(c);
        sent(feed(c, in, GoldenVectors.hex("msrpc/paged20_1_response_frag1.hex")));
        ByteBuf fault = EpmServerCodec.encode(new FaultPdu(3, RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH, true), ALLOC);
        byte[] bytes = ByteBufUtil.getBytes(fault);
        fault.release();
        assertThatThrownBy(() -> feed(c, in, bytes)).isInstanceOfSatisfying(RpcFaultException.class,
                e -> assertThat(e.status()).contains(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH));
    }

    @Test
    void bindNakAndRejectedContextAreFaults() {
        CoEpmConversation c = lookup(500);
        c.start().release();
        assertThatThrownBy(() -> feed(c, Unpooled.buffer(), GoldenVectors.hex("msrpc/bind_bad_version_reply.hex")))
                .isInstanceOf(RpcFaultException.class).hasMessageContaining("protocol version not supported");
        CoEpmConversation d = lookup(500);
        d.start().release();
        assertThatThrownBy(() -> feed(d, Unpooled.buffer(), GoldenVectors.hex("msrpc/bind_unknown_interface_reply.hex")))
                .isInstanceOf(RpcFaultException.class).hasMessageContaining("abstract syntax not supported");
    }

    @Test
    void fragLengthPastTheDataWaitsThenFailsOnClose() {
        CoEpmConversation c = lookup(500);
        c.start().release();
        byte[] ack = GoldenVectors.hex("msrpc/bind_ack.hex");
        ack[8] = (byte) 0xff; // frag_length 255, 60 bytes present
        assertThat(feed(c, Unpooled.buffer(), ack)).isInstanceOf(Step.NeedMore.class);
        assertThatThrownBy(c::onPeerClosed).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("before bind_ack");
    }

    @Test
    void fragLengthShorterThanTheHeaderIsCorrupt() {
        CoEpmConversation c = lookup(500);
        c.start().release();
        byte[] ack = GoldenVectors.hex("msrpc/bind_ack.hex");
        ack[8] = 10;
        assertThatThrownBy(() -> feed(c, Unpooled.buffer(), ack)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("frag_length 10");
    }

    @Test
    void notDceRpcAtAll() {
        CoEpmConversation c = lookup(500);
        c.start().release();
        assertThatThrownBy(() -> feed(c, Unpooled.buffer(), "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes()))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("not a connection-oriented DCE/RPC PDU");
    }

    @Test
    void missingFirstFragmentFlag() {
        CoEpmConversation c = lookup(500);
        ByteBuf in = bound(c);
        byte[] frag2 = GoldenVectors.hex("msrpc/lookup1_response_frag2.hex");
        assertThatThrownBy(() -> feed(c, in, frag2)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("PFC_FIRST_FRAG");
    }

    @Test
    void stubCapApplies() {
        CoEpmConversation c = new CoEpmConversation(ALLOC, new LookupCall(10_000, 500), 5000);
        ByteBuf in = bound(c);
        feed(c, in, GoldenVectors.hex("msrpc/lookup1_response_frag1.hex"));
        assertThatThrownBy(() -> feed(c, in, GoldenVectors.hex("msrpc/lookup1_response_frag2.hex")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("cap of 5000");
    }

    @Test
    void unexpectedPduType() {
        CoEpmConversation c = lookup(500);
        c.start().release();
        byte[] ack = GoldenVectors.hex("msrpc/bind_ack.hex");
        ack[2] = 2; // a response where bind_ack belongs
        assertThatThrownBy(() -> feed(c, Unpooled.buffer(), ack)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("expected bind_ack");
        assertThat(List.of(CoPduType.valueOf(99).name())).containsExactly("unknown");
    }
}
