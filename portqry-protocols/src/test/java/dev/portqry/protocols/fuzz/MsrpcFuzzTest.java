package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.fuzz.Seeds.Seed;
import dev.portqry.protocols.msrpc.EndpointMapperResponder;
import dev.portqry.protocols.msrpc.internal.BindAckPdu;
import dev.portqry.protocols.msrpc.internal.BindNakPdu;
import dev.portqry.protocols.msrpc.internal.ClPdu;
import dev.portqry.protocols.msrpc.internal.CoPdu;
import dev.portqry.protocols.msrpc.internal.CoPduType;
import dev.portqry.protocols.msrpc.internal.EptLookupResponse;
import dev.portqry.protocols.msrpc.internal.EptMapResponse;
import dev.portqry.protocols.msrpc.internal.FaultPdu;
import dev.portqry.protocols.msrpc.internal.ResponsePdu;
import dev.portqry.protocols.msrpc.internal.Tower;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MS-RPC endpoint mapper under the fuzzer: connection-oriented PDUs (C706 12.6) with their
 * ept_lookup / ept_map stubs, connectionless PDUs (C706 12.5), towers (C706 appendix L), and the
 * conversations: the map dump, a paged dump and ept_map over TCP (call ids are 1, 2, 3... so the
 * captured streams answer as they are), and the lookup over UDP (activity and sequence echoed).
 */
class MsrpcFuzzTest {
    private static final EndpointMapperResponder EPM = new EndpointMapperResponder();

    @Test
    void connectionOrientedPdus() {
        FuzzReport r = DecoderFuzz.of("DCE/RPC CO PDU", Seeds.golden("msrpc", n -> !n.startsWith("cl_") && !n.contains("request")))
                .messages(MsrpcFuzzTest::decodeCoPdu);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void connectionlessPdus() {
        FuzzReport r = DecoderFuzz.of("DCE/RPC CL PDU", Seeds.golden("msrpc", n -> n.startsWith("cl_") && !n.contains("request")))
                .messages(MsrpcFuzzTest::decodeClPdu);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void towers() {
        FuzzReport r = DecoderFuzz.of("DCE/RPC tower", towerSeeds()).messages(in -> Tower.decode(ByteBufUtil.getBytes(in)));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void dumpOverTcp() {
        List<Seed> seeds = List.of(
                Seeds.joined(msrpc("bind_ack"), msrpc("lookup1_response_frag1"), msrpc("lookup1_response_frag2"),
                        msrpc("lookup2_response_frag1")),
                Seeds.joined(msrpc("bind_ack"), msrpc("fault_bad_opnum")),
                msrpc("bind_unknown_interface_reply"),
                msrpc("bind_bad_version_reply"));
        FuzzReport r = DecoderFuzz.of("EPM dump over TCP", seeds).echo(MsrpcFuzzTest::callsInOrder).tcp(EPM::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void pagedDumpOverTcp() {
        Seed pages = Seeds.joined(msrpc("bind_ack"), msrpc("paged20_1_response_frag1"), msrpc("paged20_2_response_frag1"),
                msrpc("paged20_3_response_frag1"), msrpc("paged20_4_response_frag1"));
        FuzzReport r = DecoderFuzz.of("EPM paged dump over TCP", List.of(pages))
                .options(ProbeOptions.builder().set(EndpointMapperResponder.LOOKUP_PAGE_SIZE, 20).build())
                .echo(MsrpcFuzzTest::callsInOrder).tcp(EPM::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void mapOverTcp() {
        FuzzReport r = DecoderFuzz.of("EPM map over TCP", List.of(Seeds.joined(msrpc("bind_ack"), msrpc("map_drsuapi_response_frag1"))))
                .options(ProbeOptions.builder().set(EndpointMapperResponder.MAP_INTERFACE, "DRSUAPI").build())
                .echo(MsrpcFuzzTest::callsInOrder).tcp(EPM::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void lookupOverUdp() {
        FuzzReport r = DecoderFuzz.of("EPM over UDP", Seeds.golden("msrpc", n -> n.startsWith("cl_lookup") && !n.contains("request")))
                .echo(MsrpcFuzzTest::sameActivity).udp(EPM::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void mapOverUdp() {
        FuzzReport r = DecoderFuzz.of("EPM map over UDP", Seeds.golden("msrpc", n -> n.startsWith("cl_map") && !n.contains("request")))
                .options(ProbeOptions.builder().set(EndpointMapperResponder.MAP_INTERFACE, "DRSUAPI").build())
                .echo(MsrpcFuzzTest::sameActivity).udp(EPM::open);
        assertThat(r.typed()).isPositive();
    }

    /**
     * The server stream with its call ids renumbered 1, 2, 3 ... in order of first appearance
     * (fragments of one call keep one id), as our conversation numbers its bind and calls (C706
     * 12.6.3.1 call_id, little-endian at offset 12): the captured ept_map answer was call 4 of
     * another client's connection.
     */
    static byte[] callsInOrder(byte[] query, byte[] seed) {
        byte[] s = seed.clone();
        java.util.Map<Integer, Integer> ids = new java.util.HashMap<>();
        for (int p = 0; p + 16 <= s.length; ) {
            int fragLength = (s[p + 8] & 0xff) | (s[p + 9] & 0xff) << 8;
            int id = java.nio.ByteBuffer.wrap(s, p + 12, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            int renumbered = ids.computeIfAbsent(id, k -> ids.size() + 1);
            java.nio.ByteBuffer.wrap(s, p + 12, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(renumbered);
            if (fragLength < 16) {
                break;
            }
            p += fragLength;
        }
        return s;
    }

    /** The seed in the query's activity and sequence (C706 12.5.3.1: act_id at 40, seqnum at 64), as a server answers. */
    static byte[] sameActivity(byte[] query, byte[] seed) {
        byte[] s = seed.clone();
        if (query.length >= 68 && s.length >= 68) {
            System.arraycopy(query, 40, s, 40, 16);
            System.arraycopy(query, 64, s, 64, 4);
        }
        return s;
    }

    private static Seed msrpc(String name) {
        return Seeds.one("msrpc", name + ".hex");
    }

    private static Object decodeCoPdu(ByteBuf in) {
        CoPdu pdu = CoPdu.next(in);
        ProtocolDecodeException.check(pdu != null, "MSRPC", "incomplete PDU");
        CoPduType type = pdu.header().type();
        if (type.equals(CoPduType.BIND_ACK)) {
            return BindAckPdu.decode(pdu);
        } else if (type.equals(CoPduType.BIND_NAK)) {
            return BindNakPdu.decode(pdu);
        } else if (type.equals(CoPduType.FAULT)) {
            return FaultPdu.decode(pdu);
        } else if (type.equals(CoPduType.RESPONSE)) {
            ResponsePdu response = ResponsePdu.decode(pdu);
            return List.of(response, stubs(response.stubPartBuf(), pdu.header().littleEndian()));
        }
        return pdu;
    }

    private static Object decodeClPdu(ByteBuf in) {
        ClPdu pdu = ClPdu.decode(in);
        return List.of(pdu, stubs(Unpooled.wrappedBuffer(pdu.body()), pdu.header().littleEndian()));
    }

    /** Both stub decoders on the same bytes: whichever the stub is, each must answer or throw the typed error. */
    private static List<Object> stubs(ByteBuf stub, boolean littleEndian) {
        List<Object> out = new ArrayList<>();
        try {
            out.add(EptLookupResponse.decode(stub.duplicate(), littleEndian));
        } catch (ProtocolDecodeException e) {
            out.add(e.getMessage());
        }
        try {
            out.add(EptMapResponse.decode(stub.duplicate(), littleEndian));
        } catch (ProtocolDecodeException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    /** Towers as a real endpoint mapper sent them: from the ept_map answer and a 20-entry ept_lookup page. */
    private static List<Seed> towerSeeds() {
        List<Seed> out = new ArrayList<>();
        ResponsePdu map = ResponsePdu.decode(CoPdu.next(Unpooled.wrappedBuffer(msrpc("map_drsuapi_response_frag1").bytes())));
        EptMapResponse.decode(map.stubPartBuf(), true).towers().forEach(t -> out.add(new Seed("map tower", t)));
        ResponsePdu page = ResponsePdu.decode(CoPdu.next(Unpooled.wrappedBuffer(msrpc("paged20_1_response_frag1").bytes())));
        EptLookupResponse.decode(page.stubPartBuf(), true).entries().forEach(e -> out.add(new Seed(e.annotation(), e.tower())));
        return out;
    }
}
