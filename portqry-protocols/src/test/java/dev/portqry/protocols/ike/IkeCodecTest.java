package dev.portqry.protocols.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ike.internal.IkeHeader;
import dev.portqry.protocols.ike.internal.IkeKePayload;
import dev.portqry.protocols.ike.internal.IkeMessage;
import dev.portqry.protocols.ike.internal.IkeNoncePayload;
import dev.portqry.protocols.ike.internal.IkePayloadType;
import dev.portqry.protocols.ike.internal.IkeSaInitRequest;
import dev.portqry.protocols.ike.internal.IkeSaPayload;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** IKE messages: golden answers of strongSwan's charon, the request this client sends, malformed variants. */
class IkeCodecTest {

    @Test
    void fullSaInitResponse() {
        IkeMessage m = decode(GoldenVectors.raw("ike/sa-init-response.bin"));
        assertThat(m.header().version()).isEqualTo("2.0");
        assertThat(m.header().isResponse()).isTrue();
        assertThat(m.header().exchangeType()).isEqualTo(IkeExchangeType.IKE_SA_INIT);
        IkeResult r = IkeResult.of(m, false);
        assertThat(r.chosenProposal()).get().asString().isEqualTo("#1 AES_CBC-128/AUTH_HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048");
        assertThat(r.keGroup()).hasValue(14);
        assertThat(r.notifies()).extracting(IkeNotifyType::name)
                .containsExactly("CHILDLESS_IKEV2_SUPPORTED", "MULTIPLE_AUTH_SUPPORTED");
        assertThat(r.responderSpi()).isNotEqualTo("0000000000000000");
        assertThat(r.reportLines()).contains("Version: 2.0", "Exchange type: IKE_SA_INIT (34)",
                "Chosen proposal: AES_CBC-128, AUTH_HMAC_SHA1_96, PRF_HMAC_SHA1, MODP_2048",
                "Key exchange group: MODP_2048 (14)", "Notify: MULTIPLE_AUTH_SUPPORTED (16404)");
        assertThat(GoldenVectors.encoded(m::encode)).isEqualTo(GoldenVectors.raw("ike/sa-init-response.bin"));
    }

    @Test
    void invalidKePayloadNamesTheWantedGroup() {
        IkeResult r = IkeResult.of(decode(GoldenVectors.raw("ike/invalid-ke.bin")), false);
        assertThat(r.notifies()).containsExactly(IkeNotifyType.INVALID_KE_PAYLOAD);
        assertThat(r.requestedGroup()).hasValue(14);
        assertThat(r.responderSpi()).isEqualTo("0000000000000000");
        assertThat(r.summary()).isEqualTo("IKEv2 INVALID_KE_PAYLOAD");
    }

    @Test
    void noProposalChosen() {
        IkeResult r = IkeResult.of(decode(GoldenVectors.raw("ike/no-proposal-chosen.bin")), false);
        assertThat(r.notifies()).containsExactly(IkeNotifyType.NO_PROPOSAL_CHOSEN);
        assertThat(r.chosenProposal()).isEmpty();
    }

    @Test
    void requestRoundTripsAndHasTheRfcLayout() {
        IkeMessage request = IkeSaInitRequest.build(0x0123456789abcdefL, new Random(7));
        byte[] wire = GoldenVectors.encoded(request::encode);
        IkeMessage back = decode(wire);
        assertThat(back.header().length()).isEqualTo(wire.length);
        assertThat(back.header().flags()).isEqualTo(IkeHeader.INITIATOR);
        assertThat(back.payloads()).extracting(p -> p.type().code()).containsExactly(33, 34, 40);
        assertThat(back.payloads(IkeSaPayload.class).get(0).proposals()).isEqualTo(IkeSaInitRequest.proposals());
        IkeKePayload ke = back.payloads(IkeKePayload.class).get(0);
        assertThat(ke.data()).hasSize(256);
        assertThat(ke.data()[0]).isBetween((byte) 1, (byte) 0x7f);
        // Header: SPI, zero responder SPI, next payload SA (33), version 2.0, IKE_SA_INIT (34), flag I, message ID 0.
        assertThat(HexFormat.of().formatHex(wire, 0, 24)).isEqualTo("0123456789abcdef" + "0000000000000000" + "21202208" + "00000000");
    }

    @Test
    void pythonBuiltRequestThatCharonAcceptedDecodes() {
        IkeMessage m = decode(GoldenVectors.raw("ike/sa-init-request-python.bin"));
        assertThat(m.payloads(IkeSaPayload.class).get(0).proposals()).hasSize(2);
        assertThat(m.payloads(IkeNoncePayload.class).get(0).nonce()).hasSize(32);
    }

    @Test
    void ikev1NotificationIsRead() {
        // ISAKMP header (RFC 2408 3.1): cookies, next payload 11 (N), version 1.0, exchange 5 (Informational),
        // flags 0, message ID 0, length 40; Notification (3.14): generic header, DOI 1, protocol 1, SPI size 0,
        // type 5 INVALID-MAJOR-VERSION.
        byte[] v1 = HexFormat.of().parseHex("0102030405060708" + "0000000000000000" + "0b100500" + "00000000" + "00000028"
                + "0000000c" + "00000001" + "0100" + "0005");
        IkeResult r = IkeResult.of(decode(v1), false);
        assertThat(r.version()).isEqualTo("1.0");
        assertThat(r.exchangeType().name()).isEqualTo("Informational (IKEv1)");
        assertThat(r.notifies()).extracting(IkeNotifyType::name).containsExactly("INVALID-MAJOR-VERSION");
    }

    @Test
    void unknownCodesAreValues() {
        assertThat(IkeNotifyType.valueOf(40000).name()).isEqualTo("UNKNOWN(40000)");
        assertThat(IkeExchangeType.valueOf(99).name()).isEqualTo("UNKNOWN(99)");
        assertThat(IkePayloadType.valueOf(200).name()).isEqualTo("UNKNOWN(200)");
        assertThat(IkeTransform.of(1, 999).toString()).isEqualTo("ENCR_999");
    }

    @Test
    void malformed() {
        byte[] good = GoldenVectors.raw("ike/sa-init-response.bin");
        assertMalformed(Arrays.copyOf(good, 27), "the header needs 28");
        assertMalformed(Arrays.copyOf(good, good.length - 1), "header length 392 outside 28-391");
        byte[] shortLength = good.clone();
        shortLength[26] = 0;
        shortLength[27] = 20;
        assertMalformed(shortLength, "header length 20");
        byte[] payloadTooLong = good.clone();
        payloadTooLong[30] = (byte) 0x7f;
        assertMalformed(payloadTooLong, "payload SA (33) length");
        byte[] tinyPayload = good.clone();
        tinyPayload[30] = 0;
        tinyPayload[31] = 3;
        assertMalformed(tinyPayload, "length 3");
        // The SA payload's proposal claims more transforms than it holds.
        byte[] transforms = good.clone();
        transforms[32 + 7] = 9;
        assertMalformed(transforms, "transforms");
        // Chain announces a payload after the last one.
        byte[] chained = noProposalWithNext(41);
        assertMalformed(chained, "announced but only 0 bytes left");
        assertMalformed(HexFormat.of().parseHex("0102030405060708" + "0000000000000000" + "29202220" + "00000000" + "00000020"
                + "00000004"), "Notify payload of 0 bytes");
        assertMalformed(HexFormat.of().parseHex("0102030405060708" + "0000000000000000" + "29202220" + "00000000" + "00000024"
                + "00000008" + "01ff000e"), "SPI size 255");
    }

    @Test
    void payloadCountIsCapped() {
        int n = IkeMessage.MAX_PAYLOADS + 1;
        StringBuilder hex = new StringBuilder("0102030405060708" + "0000000000000000" + "2b202220" + "00000000");
        hex.append(String.format("%08x", 28 + 4 * n));
        for (int i = 0; i < n; i++) {
            hex.append(i < n - 1 ? "2b000004" : "00000004");
        }
        assertMalformed(HexFormat.of().parseHex(hex.toString()), "more than 64 payloads");
    }

    private static byte[] noProposalWithNext(int next) {
        byte[] b = GoldenVectors.raw("ike/no-proposal-chosen.bin").clone();
        b[28] = (byte) next;
        return b;
    }

    private static void assertMalformed(byte[] bytes, String message) {
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining(message);
    }

    static IkeMessage decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return IkeMessage.decode(in);
        } finally {
            in.release();
        }
    }
}
