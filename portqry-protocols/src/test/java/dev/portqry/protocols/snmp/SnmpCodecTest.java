package dev.portqry.protocols.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.snmp.internal.SnmpGetRequest;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetRequest encoding and Response decoding against net-snmp's snmpd, plus broken BER. */
class SnmpCodecTest {

    private static SnmpResult decode(byte[] bytes) {
        return WireBytes.decode(bytes, buf -> SnmpResult.decode(buf, 100));
    }

    private static byte[] encode(SnmpGetRequest r) {
        return WireBytes.drain(r.encode(UnpooledByteBufAllocator.DEFAULT));
    }

    @Test
    void encodesTheCapturedRequests() {
        assertThat(encode(new SnmpGetRequest(SnmpVersion.V2C, "portqry-ro", 1297048577, SnmpGetRequest.SYSTEM_OIDS)))
                .isEqualTo(GoldenVectors.query("snmp/netsnmp-v2c-system.hex"));
        assertThat(encode(new SnmpGetRequest(SnmpVersion.V1, "portqry-ro", 1297048578, SnmpGetRequest.SYSTEM_OIDS)))
                .isEqualTo(GoldenVectors.query("snmp/netsnmp-v1-system.hex"));
        assertThat(encode(new SnmpGetRequest(SnmpVersion.V2C, "portqry-ro", 1297048581, List.of("1.3.6.1.6.3.15.1.1.4.0",
                "1.3.6.1.2.1.2.2.1.5.1", "1.3.6.1.6.3.10.2.1.1.0", "1.3.6.1.2.1.4.20.1.1.127.0.0.1", "1.3.6.1.2.1.31.1.1.1.6.1"))))
                .isEqualTo(GoldenVectors.query("snmp/netsnmp-v2c-types.hex"));
    }

    @Test
    void decodesTheSystemGroup() {
        SnmpResult r = decode(GoldenVectors.hex("snmp/netsnmp-v2c-system.hex"));
        assertThat(r.version()).isEqualTo(SnmpVersion.V2C);
        assertThat(r.community()).isEqualTo("portqry-ro");
        assertThat(r.requestId()).isEqualTo(1297048577);
        assertThat(r.errorStatus()).isEqualTo(SnmpErrorStatus.NO_ERROR);
        assertThat(r.sysName()).hasValue("pq-golden-agent");
        assertThat(r.value("1.3.6.1.2.1.1.2.0")).hasValue(new SnmpValue.ObjectId("1.3.6.1.4.1.8072.3.2.10"));
        assertThat(r.value("1.3.6.1.2.1.1.3.0")).hasValue(new SnmpValue.TimeTicks(1174));
        assertThat(r.reportLines()).containsExactly(
                "community name for query:",
                "portqry-ro",
                "SNMP query response (v2c):",
                "sysDescr.0 = STRING: portqry golden snmpd",
                "sysObjectID.0 = OID: 1.3.6.1.4.1.8072.3.2.10",
                "sysUpTime.0 = Timeticks: (1174) 0:00:11.74",
                "sysName.0 = STRING: pq-golden-agent",
                "======== End of SNMP query response ========");
        assertThat(r.summary()).isEqualTo("sysName=pq-golden-agent");
    }

    @Test
    void decodesV1() {
        SnmpResult r = decode(GoldenVectors.hex("snmp/netsnmp-v1-system.hex"));
        assertThat(r.version()).isEqualTo(SnmpVersion.V1);
        assertThat(r.varBinds()).hasSize(4);
    }

    @Test
    void decodesV1NoSuchNameAsAnErrorStatus() {
        SnmpResult r = decode(GoldenVectors.hex("snmp/netsnmp-v1-nosuchname.hex"));
        assertThat(r.errorStatus()).isEqualTo(SnmpErrorStatus.NO_SUCH_NAME);
        assertThat(r.errorIndex()).isEqualTo(2);
        assertThat(r.reportLines()).contains("Error status: noSuchName (2) at variable 2");
        assertThat(SnmpErrorStatus.valueOf(99).name()).isEqualTo("error(99)");
    }

    @Test
    void decodesV2Exceptions() {
        SnmpResult r = decode(GoldenVectors.hex("snmp/netsnmp-v2c-exceptions.hex"));
        assertThat(r.varBinds()).extracting(SnmpVarBind::toString).containsExactly(
                "sysName.0 = STRING: pq-golden-agent",
                "1.3.6.1.2.1.1.99.0 = noSuchObject",
                "1.3.6.1.2.1.1.9.1.2.1000.0 = noSuchInstance",
                "1.3.6.1.2.1.2.1.0 = INTEGER: 5");
    }

    @Test
    void decodesCountersGaugesAddressesAndBinaryStrings() {
        SnmpResult r = decode(GoldenVectors.hex("snmp/netsnmp-v2c-types.hex"));
        assertThat(r.varBinds()).extracting(v -> v.value().toString()).containsExactly(
                "Counter32: 0",
                "Gauge32: 10000000",
                "STRING: 80 00 1F 88 80 20 E0 8B 26 0E 04 06 6B 00 00 00 00",
                "IpAddress: 127.0.0.1",
                "Counter64: 4826033");
        assertThat(r.varBinds().get(4).value()).isEqualTo(new SnmpValue.Unsigned("Counter64", BigInteger.valueOf(4826033)));
    }

    @Test
    void everyTruncationIsADecodeError() {
        byte[] full = GoldenVectors.hex("snmp/netsnmp-v2c-system.hex");
        WireBytes.assertEveryTruncationFails(full, full.length, buf -> SnmpResult.decode(buf, 100));
    }

    @Test
    void strictBerIsEnforced() {
        HexFormat hex = HexFormat.of();
        assertThatThrownBy(() -> decode(hex.parseHex("3080020101"))).hasMessageContaining("indefinite length");
        assertThatThrownBy(() -> decode(hex.parseHex("3084ffffffff"))).hasMessageContaining("exceeds the cap");
        assertThatThrownBy(() -> decode(hex.parseHex("3085010000000000"))).hasMessageContaining("length of 5 octets");
        assertThatThrownBy(() -> decode(hex.parseHex("3005020101"))).hasMessageContaining("length 5 but only 3 bytes follow");
        assertThatThrownBy(() -> decode(hex.parseHex("3003020103" .replace("0201", "1f01"))))
                .isInstanceOf(ProtocolDecodeException.class);
        // version 3 is not community-based
        assertThatThrownBy(() -> decode(hex.parseHex("3003020103"))).hasMessageContaining("version 3");
        // a GetRequest is not a response
        assertThatThrownBy(() -> decode(GoldenVectors.query("snmp/netsnmp-v2c-system.hex"))).hasMessageContaining("not a Response");
    }

    @Test
    void nestingIsCapped() {
        byte[] deep = new byte[2 * 20];
        for (int i = 0; i < 20; i++) {
            deep[2 * i] = 0x30;
            deep[2 * i + 1] = (byte) (deep.length - 2 * i - 2);
        }
        ByteBuf buf = Unpooled.wrappedBuffer(deep);
        try {
            BerReader r = BerReader.of(buf, "SNMP", SnmpResult.LIMITS);
            assertThatThrownBy(() -> {
                BerReader cur = r;
                while (true) {
                    cur = cur.readSequence();
                }
            }).hasMessageContaining("deeper than 8");
        } finally {
            buf.release();
        }
    }

    @Test
    void objectIdentifiersRoundTripAndRejectPadding() {
        byte[] encoded = new BerWriter().writeOid("1.3.6.1.4.1.311.21.8.4294967295.0").toByteArray();
        assertThat(readOid(encoded)).isEqualTo("1.3.6.1.4.1.311.21.8.4294967295.0");
        byte[] padded = HexFormat.of().parseHex("0606" + "2b0680808001");
        assertThatThrownBy(() -> readOid(padded))
                .hasMessageContaining("leading 0x80");
        byte[] tooLong = new BerWriter().writeOid("1.3" + ".1".repeat(127)).toByteArray();
        assertThatThrownBy(() -> readOid(tooLong))
                .hasMessageContaining("more than 128 arcs");
    }

    private static String readOid(byte[] element) {
        return WireBytes.decode(element, buf -> BerReader.of(buf, "SNMP", SnmpResult.LIMITS).readOid());
    }

    @Test
    void valuesOutOfTheirRangeAreRejected() {
        byte[] negativeCounter = {0x41, 0x01, (byte) 0xff};
        assertThatThrownBy(() -> WireBytes.decode(negativeCounter, buf -> SnmpValue.decode(BerReader.of(buf, "SNMP", SnmpResult.LIMITS))))
                .hasMessageContaining("out of unsigned 32-bit range");
        assertThat(SnmpVersion.parse("v1")).isEqualTo(SnmpVersion.V1);
        assertThatThrownBy(() -> SnmpVersion.parse("3")).hasMessage("snmp.version must be 1 or 2c, was 3");
        assertThat(new SnmpValue.TimeTicks(8_640_000 + 366_100).toString()).isEqualTo("Timeticks: (9006100) 1 day, 1:01:01.00");
    }

    @Test
    void randomCorruptionOnlyEverRaisesDecodeErrors() {
        WireBytes.assertCorruptionOnlyRaisesDecodeErrors(GoldenVectors.hex("snmp/netsnmp-v2c-types.hex"), 161, 3,
                buf -> SnmpResult.decode(buf, 100));
    }

    @Test
    void sysDescrWithCrLfAndC1CannotForgeAVerdictLine() {
        // sysDescr.0 = "Linux\r\nUDP port 161 is NOT LISTENING" + CSI (U+009B as UTF-8) + "2J"; sysName.0 with an
        // OSC (U+009D). An ESC or BEL makes the octets print as hex (not text), so C1 and CR/LF are what got through.
        byte[] descr = "Linux\r\nUDP port 161 is NOT LISTENING\u009b2J".getBytes(StandardCharsets.UTF_8);
        byte[] name = "dc1\u009d0;owned".getBytes(StandardCharsets.UTF_8);
        byte[] reply = new BerWriter().startSequence().writeInteger(1).writeOctetString("public".getBytes(StandardCharsets.UTF_8))
                .start(SnmpResult.TAG).writeInteger(7).writeInteger(0).writeInteger(0).startSequence()
                .startSequence().writeOid("1.3.6.1.2.1.1.1.0").writeOctetString(descr).end()
                .startSequence().writeOid("1.3.6.1.2.1.1.5.0").writeOctetString(name).end()
                .end().end().end().toByteArray();
        SnmpResult r = decode(reply);
        assertThat(r.sysName()).hasValue("dc1\u009d0;owned");
        assertThat(r.reportLines()).anyMatch(l -> l.endsWith(" = STRING: Linux\\r\\nUDP port 161 is NOT LISTENING\\u009b2J"))
                .noneMatch(l -> l.equals("UDP port 161 is NOT LISTENING"))
                .allSatisfy(l -> assertThat(l).doesNotContain("\r", "\n", "\u009b", "\u009d"));
        assertThat(r.summary()).isEqualTo("sysName=dc1\\u009d0;owned");
    }
}
