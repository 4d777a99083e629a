package dev.portqry.protocols.msrpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.msrpc.ProtocolSequence;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import dev.portqry.protocols.msrpc.RpcStatus;
import dev.portqry.protocols.msrpc.WellKnownInterfaces;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Towers and lookup stubs: round trips and every way they can be malformed. */
class TowerCodecTest {
    private static final RpcEndpoint NP = new RpcEndpoint(Uuids.NIL, WellKnownInterfaces.parse("LSARPC"), "",
            ProtocolSequence.NCACN_NP, "\\\\DC1", "\\PIPE\\lsass");

    @Test
    void everyKnownSequenceRoundTrips() {
        for (RpcEndpoint e : EpmTestServer.sampleEndpoints()) {
            assertThat(Tower.decode(Tower.of(e).encode()).toEndpoint(e.object(), e.annotation())).isEqualTo(e);
        }
        assertThat(Tower.decode(Tower.of(NP).encode()).toEndpoint(Uuids.NIL, "").stringBinding())
                .isEqualTo("ncacn_np:\\\\DC1[\\PIPE\\lsass]");
    }

    @Test
    void unknownFloorsAreShownRaw() {
        Tower t = new Tower(WellKnownInterfaces.parse("EPM"), dev.portqry.protocols.msrpc.RpcInterfaceId.NDR,
                List.of(Tower.Floor.of(0x0b, new byte[2]), Tower.Floor.of(0x0d, new byte[] {1, 2}), Tower.Floor.of(0x99, new byte[] {(byte) 0xab})));
        RpcEndpoint e = Tower.decode(t.encode()).toEndpoint(Uuids.NIL, "");
        assertThat(e.protocolSequence().name()).isEqualTo("unknown(0b,0d,99)");
        assertThat(e.protocolSequence().isKnown()).isFalse();
        assertThat(e.stringBinding()).isEqualTo("unknown(0b,0d,99):ab[0102]");
        assertThat(e.tcpPort()).isEmpty();
    }

    @Test
    void controlCharactersInStringsAreNeutralised() {
        RpcEndpoint evil = new RpcEndpoint(Uuids.NIL, WellKnownInterfaces.parse("LSARPC"), "", ProtocolSequence.NCALRPC, "",
                "A\u001b[31mB");
        assertThat(Tower.decode(Tower.of(evil).encode()).toEndpoint(Uuids.NIL, "").endpoint()).isEqualTo("A?[31mB");
    }

    private static byte[] tower() {
        return Tower.of(EpmTestServer.sampleEndpoints().get(1)).encode();
    }

    @Test
    void bogusFloorCounts() {
        byte[] t = tower();
        t[0] = 0;
        assertThatThrownBy(() -> Tower.decode(t)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("floor count 0");
        t[0] = (byte) 0xff;
        t[1] = (byte) 0xff;
        assertThatThrownBy(() -> Tower.decode(t)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("floor count 65535");
        byte[] six = tower();
        six[0] = 6;
        assertThatThrownBy(() -> Tower.decode(six)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("floor 6");
        assertThatThrownBy(() -> Tower.decode(new byte[1])).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("no floor count");
    }

    @Test
    void shortFloors() {
        byte[] t = tower();
        assertThatThrownBy(() -> Tower.decode(Arrays.copyOf(t, t.length - 3))).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("floor 5");
        byte[] shortUuid = tower();
        shortUuid[2] = 18; // floor 1 lhs length 18 instead of 19
        assertThatThrownBy(() -> Tower.decode(shortUuid)).isInstanceOf(ProtocolDecodeException.class);
        // floor 4 (TCP port) with a 1-byte right-hand side
        byte[] hex = HexFormat.of().parseHex("0500" + "1300" + "0d" + "00".repeat(18) + "020000" + "00"
                + "1300" + "0d" + "00".repeat(18) + "02000000" + "01000b" + "02000000" + "010007" + "0100" + "01"
                + "010009" + "040000000000");
        assertThatThrownBy(() -> Tower.decode(hex).toEndpoint(Uuids.NIL, "")).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("port floor 0x07 has 1 bytes");
        byte[] emptyLhs = tower();
        int floor3 = 2 + 2 * (2 + 19 + 2 + 2);
        emptyLhs[floor3] = 0;
        assertThatThrownBy(() -> Tower.decode(emptyLhs)).isInstanceOf(ProtocolDecodeException.class);
    }

    private static byte[] lookupStub(EptLookupResponse r) {
        ByteBuf b = Unpooled.buffer();
        EpmServerCodec.write(r, b, 500);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }

    private static EptLookupResponse page(int n) {
        return new EptLookupResponse(EptHandle.NULL,
                EpmTestServer.sampleEndpoints().stream().limit(n).map(EptEntry::of).toList(), RpcStatus.OK);
    }

    @Test
    void lookupStubCountsAndLengths() {
        byte[] good = lookupStub(page(2));
        assertThat(EptLookupResponse.decode(Unpooled.wrappedBuffer(good), true).entries()).hasSize(2);
        byte[] bigCount = good.clone();
        bigCount[20] = (byte) 0xff; // num_ents
        bigCount[21] = (byte) 0xff;
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(bigCount), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("num_ents 65535");
        byte[] mismatch = good.clone();
        mismatch[32] = 3; // actual_count 3, num_ents 2
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(mismatch), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("actual_count 3");
        byte[] offset = good.clone();
        offset[28] = 1;
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(offset), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("offset 1");
        byte[] annotation = good.clone();
        annotation[36 + 16 + 4 + 4] = 65; // annotation length 65 > 64
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(annotation), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("annotation length 65");
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(Arrays.copyOf(good, good.length - 30)), true))
                .isInstanceOf(ProtocolDecodeException.class);
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(new byte[10]), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("needs 16 bytes");
    }

    @Test
    void towerLengthPastTheData() {
        byte[] good = lookupStub(page(1));
        int twr = 36 + 16 + 4 + 4 + 4 + 1; // the first annotation is empty: 1 NUL byte
        twr = (twr + 3) & ~3;
        assertThat(good[twr]).isEqualTo((byte) 75);
        byte[] bad = good.clone();
        bad[twr] = (byte) 0xff;
        bad[twr + 1] = (byte) 0x0f; // max_count 4095
        bad[twr + 4] = (byte) 0xff;
        bad[twr + 5] = (byte) 0x0f; // tower_length 4095
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(bad), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("tower octets needs 4095 bytes");
        byte[] huge = good.clone();
        huge[twr + 2] = 1;
        assertThatThrownBy(() -> EptLookupResponse.decode(Unpooled.wrappedBuffer(huge), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("exceeds the cap");
    }

    @Test
    void lookupErrorStatusIsAFault() {
        LookupCall call = new LookupCall(100, 500);
        byte[] denied = lookupStub(new EptLookupResponse(EptHandle.NULL, List.of(), RpcStatus.ACCESS_DENIED));
        assertThatThrownBy(() -> call.onResponse(Unpooled.wrappedBuffer(denied), true))
                .isInstanceOf(dev.portqry.protocols.msrpc.RpcFaultException.class).hasMessageContaining("ERROR_ACCESS_DENIED");
        LookupCall windowsEnd = new LookupCall(100, 500);
        byte[] win = lookupStub(new EptLookupResponse(EptHandle.NULL, List.of(), RpcStatus.WIN32_EPT_S_NOT_REGISTERED));
        assertThat(windowsEnd.onResponse(Unpooled.wrappedBuffer(win), true)).isNotNull();
    }

    @Test
    void pageLargerThanAskedIsCorrupt() {
        LookupCall call = new LookupCall(100, 2);
        byte[] three = lookupStub(page(3));
        assertThatThrownBy(() -> call.onResponse(Unpooled.wrappedBuffer(three), true))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("3 entries, 2 were asked for");
    }
}
