package dev.portqry.protocols.l2tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.l2tp.internal.L2tpAvp;
import dev.portqry.protocols.l2tp.internal.L2tpAvpType;
import dev.portqry.protocols.l2tp.internal.L2tpControlMessage;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** L2TP control messages: golden answers of xl2tpd, the SCCRQ this client sends, malformed variants. */
class L2tpCodecTest {

    @Test
    void sccrpOfXl2tpd() {
        L2tpControlMessage m = decode(GoldenVectors.raw("l2tp/sccrp-xl2tpd.bin"));
        assertThat(m.tunnelId()).isEqualTo(0x2222);
        assertThat(m.ns()).isZero();
        assertThat(m.nr()).isEqualTo(1);
        assertThat(m.messageType()).contains(L2tpMessageType.SCCRP);
        L2tpResult r = L2tpResult.of(m, false);
        assertThat(r.hostName()).contains("portqry-lns");
        assertThat(r.vendorName()).contains("xelerance.com");
        assertThat(r.firmwareRevision()).hasValue(0x0690);
        assertThat(r.protocolVersion()).contains("1.0");
        assertThat(r.assignedTunnelId()).hasValue(0x7e34);
        assertThat(r.reportLines()).containsExactly("L2TP query response:", "Message type: SCCRP (2)", "Protocol version: 1.0",
                "Host name: portqry-lns", "Vendor name: xelerance.com", "Firmware revision: 0x0690",
                "Assigned tunnel ID: 32308", "======== End of L2TP query response ========");
        assertThat(GoldenVectors.encoded(m::encode)).isEqualTo(GoldenVectors.raw("l2tp/sccrp-xl2tpd.bin"));
    }

    @Test
    void stopCcnOfXl2tpdRefusingAnUnauthorizedPeer() {
        L2tpControlMessage m = decode(GoldenVectors.raw("l2tp/stopccn-no-authorization.bin"));
        L2tpResult r = L2tpResult.of(m, true);
        assertThat(r.messageType()).isEqualTo(L2tpMessageType.STOPCCN);
        L2tpResultCode rc = r.resultCode().orElseThrow();
        assertThat(rc.result()).isEqualTo(2);
        assertThat(rc.error()).hasValue(6);
        assertThat(rc.message()).isEqualTo("No Authorization");
        assertThat(rc.toString()).isEqualTo("2 (General error--Error Code indicates the problem), error 6"
                + " (A generic vendor-specific error occurred in the LAC): No Authorization");
    }

    @Test
    void zeroLengthBodies() {
        L2tpControlMessage before = decode(GoldenVectors.raw("l2tp/zlb-before-stopccn.bin"));
        assertThat(before.isZlb()).isTrue();
        assertThat(before.messageType()).isEmpty();
        assertThat(before.nr()).isEqualTo(1);
        assertThat(decode(GoldenVectors.raw("l2tp/zlb-after-stopccn.bin")).isZlb()).isTrue();
    }

    @Test
    void sccrqMatchesTheVectorBuiltFromTheRfc() {
        byte[] wire = GoldenVectors.encoded(L2tpControlMessage.sccrq("portqry", 0x1234, "portqry")::encode);
        assertThat(wire).isEqualTo(GoldenVectors.raw("l2tp/sccrq-rfc2661.bin"));
        L2tpControlMessage back = decode(wire);
        assertThat(back.messageType()).contains(L2tpMessageType.SCCRQ);
        assertThat(back.find(L2tpAvpType.HOST_NAME).map(L2tpAvp::text)).contains("portqry");
    }

    @Test
    void stopCcnFarewell() {
        L2tpControlMessage m = decode(GoldenVectors.encoded(L2tpControlMessage.stopCcn(0x7e34, 0x2222, 1, 1)::encode));
        assertThat(m.tunnelId()).isEqualTo(0x7e34);
        assertThat(m.messageType()).contains(L2tpMessageType.STOPCCN);
        assertThat(m.find(L2tpAvpType.RESULT_CODE).map(L2tpResultCode::decode).map(L2tpResultCode::result)).contains(1);
    }

    @Test
    void unknownCodesAreValues() {
        assertThat(L2tpMessageType.valueOf(99).name()).isEqualTo("UNKNOWN(99)");
        assertThat(L2tpAvpType.valueOf(77).name()).isEqualTo("UNKNOWN(77)");
    }

    @Test
    void malformed() {
        assertMalformed("", "no header");
        assertMalformed("c8", "no header");
        assertMalformed("c803000c0000000000000000", "version 3");
        assertMalformed("0002000c0000000000000000", "a data message");
        assertMalformed("c902000c0000000000000000", "header flags");
        assertMalformed("c802000c00000000", "header of 8 bytes");
        assertMalformed("c802000b0000000000000000", "length 11");
        assertMalformed("c80200200000000000000000", "length 32");
        // One AVP whose length (5) is shorter than its own header.
        assertMalformed("c80200140000000000000000" + "8005000000000001", "below its header");
        // AVP length 0x3ff runs past the 20-byte message.
        assertMalformed("c80200140000000000000000" + "83ff000000000001", "runs past the message");
        assertMalformed("c80200120000000000000000" + "800600000000", "needs a 2-byte value");
        assertMalformed("c80200140000000000000000" + "8008000000070001", "not Message Type");
        assertMalformed("c80200140000000000000000" + "bc08000000000001", "reserved bits");
        assertMalformed("c802000e0000000000000000" + "8008", "AVP header needs 6 bytes");
    }

    @Test
    void avpCountIsCapped() {
        StringBuilder hex = new StringBuilder();
        int n = L2tpControlMessage.MAX_AVPS + 1;
        hex.append("c802").append(String.format("%04x", 12 + 8 * n)).append("0000000000000000");
        for (int i = 0; i < n; i++) {
            hex.append("8008000000000002");
        }
        assertMalformed(hex.toString(), "more than 256 AVPs");
    }

    private static void assertMalformed(String hex, String message) {
        assertThatThrownBy(() -> {
            L2tpControlMessage m = decode(HexFormat.of().parseHex(hex));
            m.messageType();
        }).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining(message);
    }

    private static L2tpControlMessage decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            L2tpControlMessage m = L2tpControlMessage.decode(in);
            assertThat(in.isReadable()).isFalse();
            return m;
        } finally {
            in.release();
        }
    }
}
