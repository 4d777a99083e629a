package dev.portqry.protocols.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.dns.internal.DnsWireCodec;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Netty's DNS codec against replies captured from Samba's DNS server, and broken variants of them. */
class DnsCodecTest {
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 53);

    private static DnsResult decode(byte[] bytes) {
        return WireBytes.decode(bytes, buf -> DnsWireCodec.decode(buf, 10_000));
    }

    private static DnsResult golden(String file) {
        byte[] b = GoldenVectors.hex("dns/" + file);
        return decode(file.endsWith("-tcp.hex") ? Arrays.copyOfRange(b, 2, b.length) : b);
    }

    @Test
    void encodesTheCapturedQueryWithRecursionDesiredClear() {
        DefaultDnsQuestion q = new DefaultDnsQuestion("dc1.corp.example.test.", DnsRecordType.A);
        ByteBuf udp = DnsWireCodec.encodeQuery(UnpooledByteBufAllocator.DEFAULT, Protocol.UDP, REMOTE, 0x5a01, q);
        ByteBuf tcp = DnsWireCodec.encodeQuery(UnpooledByteBufAllocator.DEFAULT, Protocol.TCP, REMOTE, 0x5a0b, q);
        try {
            assertThat(ByteBufUtil.getBytes(udp)).isEqualTo(GoldenVectors.query("dns/samba-a-dc1-udp.hex"));
            byte[] framed = ByteBufUtil.getBytes(tcp);
            byte[] expected = GoldenVectors.query("dns/samba-a-dc1-tcp.hex");
            assertThat(framed[0] << 8 | framed[1]).isEqualTo(expected.length);
            assertThat(Arrays.copyOfRange(framed, 2, framed.length)).isEqualTo(expected);
        } finally {
            udp.release();
            tcp.release();
        }
    }

    @Test
    void encodesTheRootZoneQuery() {
        ByteBuf udp = DnsWireCodec.encodeQuery(UnpooledByteBufAllocator.DEFAULT, Protocol.UDP, REMOTE, 0x5a02,
                new DefaultDnsQuestion(".", DnsRecordType.NS));
        try {
            assertThat(ByteBufUtil.getBytes(udp)).isEqualTo(GoldenVectors.query("dns/samba-root-ns-udp.hex"));
        } finally {
            udp.release();
        }
    }

    @Test
    void decodesAnAuthoritativeAnswerWithAuthority() {
        DnsResult a = golden("samba-a-dc1-udp.hex");
        assertThat(a.id()).isEqualTo(0x5a01);
        assertThat(a.rcode()).isEqualTo(DnsResponseCode.NOERROR);
        assertThat(a.flags()).isEqualTo(new DnsFlags(true, false, false, false));
        assertThat(a.question()).hasValue(new DnsResult.Question("dc1.corp.example.test.", DnsRecordType.A, 1));
        assertThat(a.answers()).extracting(DnsResourceRecord::toString)
                .containsExactly("dc1.corp.example.test. 900 IN A 127.0.0.1");
        assertThat(a.authorities()).extracting(DnsResourceRecord::toString).containsExactly(
                "corp.example.test. 3600 IN SOA dc1.corp.example.test. hostmaster.corp.example.test. 6 900 600 86400 3600");
        assertThat(a.reportLines()).startsWith("DNS query response:")
                .contains("Response code: " + DnsResponseCode.NOERROR, "Flags: aa", "Answer records: 1",
                        "  dc1.corp.example.test. 900 IN A 127.0.0.1")
                .endsWith("======== End of DNS query response ========");
    }

    @Test
    void decodesTheSameAnswerOverTcp() {
        DnsResult a = golden("samba-a-dc1-tcp.hex");
        assertThat(a.id()).isEqualTo(0x5a0b);
        assertThat(a.answers()).extracting(DnsResourceRecord::data).containsExactly("127.0.0.1");
    }

    @Test
    void decodesANegativeAnswerWithTheZoneSoa() {
        DnsResult a = golden("samba-nxdomain-udp.hex");
        assertThat(a.rcode()).isEqualTo(DnsResponseCode.NXDOMAIN);
        assertThat(a.isSuccess()).isFalse();
        assertThat(a.answers()).isEmpty();
        assertThat(a.authorities()).extracting(DnsResourceRecord::toString).containsExactly(
                "corp.example.test. 3600 IN SOA dc1.corp.example.test. hostmaster.corp.example.test. 6 900 600 86400 3600");
    }

    @Test
    void decodesTheRootQueryRejection() {
        DnsResult a = golden("samba-root-ns-udp.hex");
        assertThat(a.rcode()).isEqualTo(DnsResponseCode.FORMERR);
        assertThat(a.question()).hasValue(new DnsResult.Question(".", DnsRecordType.NS, 1));
        assertThat(a.reportLines()).contains("Answer records: 0", "Flags: none");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "samba-srv-tcp.hex|SRV|0 100 389 dc1.corp.example.test.",
        "samba-txt-udp.hex|TXT|\"portqry golden vector\" \"second string\"",
        "samba-mx-udp.hex|MX|10 dc1.corp.example.test.",
        "samba-cname-udp.hex|CNAME|dc1.corp.example.test.",
        "samba-soa-tcp.hex|SOA|dc1.corp.example.test. hostmaster.corp.example.test. 6 900 600 86400 3600",
        "samba-aaaa-udp.hex|AAAA|0:0:0:0:0:0:0:1",
        "samba-ns-udp.hex|NS|dc1.corp.example.test.",
    })
    void rendersRdataOfEveryCommonType(String row) {
        String[] f = row.split("\\|");
        DnsResult a = golden(f[0]);
        assertThat(a.answers().get(0).type().name()).isEqualTo(f[1]);
        assertThat(a.answers().get(0).data()).isEqualTo(f[2]);
    }

    @Test
    void followsTheCnameToItsAddress() {
        assertThat(golden("samba-cname-udp.hex").answers()).extracting(DnsResourceRecord::toString).containsExactly(
                "www.corp.example.test. 900 IN CNAME dc1.corp.example.test.",
                "dc1.corp.example.test. 900 IN A 127.0.0.1");
    }

    @Test
    void rendersUnknownTypesAsHex() {
        // Header id 1, QR+AA, 0 questions, 1 answer: root name, type 99 (SPF), class IN, ttl 5, rdata 01ff.
        DnsResult a = decode(HexFormat.of().parseHex("000184000000000100000000" + "00" + "0063" + "0001" + "00000005" + "0002" + "01ff"));
        assertThat(a.answers().get(0).data()).isEqualTo("\\# 2 01ff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"samba-a-dc1-udp.hex", "samba-cname-udp.hex", "samba-txt-udp.hex", "samba-nxdomain-udp.hex"})
    void everyTruncationIsADecodeError(String file) {
        byte[] full = GoldenVectors.hex("dns/" + file);
        WireBytes.assertEveryTruncationFails(full, full.length, buf -> DnsWireCodec.decode(buf, 10_000));
    }

    @Test
    void aCompressionLoopIsADecodeErrorNamingTheField() {
        // One answer whose owner name is a pointer to itself (offset 12).
        byte[] loop = HexFormat.of().parseHex("000184000000000100000000" + "c00c" + "0001" + "0001" + "00000005" + "0004" + "7f000001");
        assertThatThrownBy(() -> decode(loop)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessage("DNS: answer 1 name: compression pointer loop");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // answer 2's owner name points at itself (offset 27); answer 1 is a plain A record.
        "000184000000000200000000|00 0001 0001 00000005 0004 7f000001|c01b 0001 0001 00000005 0004 7f000001"
                + "|DNS: answer 2 name: compression pointer loop",
        // A pointer past the end of the 28-byte message.
        "000184000000000100000000|c0ff 0001 0001 00000005 0004 7f000001||DNS: answer 1 name: compression pointer to offset 255"
                + " past the end of the 28-byte message",
        // Label type 01 (extended labels, RFC 6891 obsoleted them).
        "000184000000000100000000|40 0001 0001 00000005 0004 7f000001||DNS: answer 1 name: label type 0x40 is not supported",
        // A CNAME whose target's label runs past RDLENGTH (3) into the next bytes.
        "000184000000000100000000|00 0005 0001 00000005 0003 0378797a00||DNS: answer 1 CNAME rdata: domain name runs past RDLENGTH",
        // The question's label of 9 bytes runs past the end.
        "000184000001000000000000|0961626364||DNS: question 1 name: label of 9 bytes runs past the end of the message",
        // RDLENGTH 9 with only 4 bytes left and TC clear.
        "000184000000000100000000|00 0001 0001 00000005 0009 7f000001||DNS: answer 1 RDLENGTH: 9 bytes but only 4 left",
        // Two answers announced, one present, TC clear.
        "000184000000000200000000|00 0001 0001 00000005 0004 7f000001||DNS: reply ends before answer 2 of 2 (TC not set)",
    })
    void decodeErrorsNameTheFieldNotAJavaClass(String row) {
        String[] f = row.split("\\|", -1);
        byte[] bytes = HexFormat.of().parseHex((f[0] + f[1] + f[2]).replace(" ", ""));
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(ProtocolDecodeException.class).hasMessage(f[3])
                .hasMessageNotContaining("Exception");
    }

    @Test
    void hostileNamesStayRawInTheResultAndAreEscapedWhenRendered() {
        // Owner name "a<ESC>]0;x<BEL>" + "<CSI>2J" (U+009B as UTF-8), CNAME target "b\r\nUDP port 161 is NOT LISTENING".
        String evil = "0701" + "1b5d303b7807" + "04c29b324a" + "00";
        String target = "23" + HexFormat.of().formatHex("b\r\nUDP port 161 is NOT LISTENING\u202e".getBytes(StandardCharsets.UTF_8)) + "00";
        int rdlength = target.length() / 2;
        DnsResult a = decode(HexFormat.of().parseHex("000184000000000100000000" + evil + "0005" + "0001" + "00000005"
                + String.format("%04x", rdlength) + target));
        DnsResourceRecord r = a.answers().get(0);
        assertThat(r.name()).isEqualTo("\u0001\u001b]0;x\u0007.\u009b2J.");
        assertThat(r.data()).isEqualTo("b\r\nUDP port 161 is NOT LISTENING\u202e.");
        assertThat(a.reportLines()).contains("  \\x01\\x1b]0;x\\x07.\\u009b2J. 5 IN CNAME b\\r\\nUDP port 161 is NOT LISTENING\\u202e.");
        assertThat(String.join("\n", a.reportLines()) + a.summary()).doesNotContain("\u001b", "\r", "\u009b", "\u202e");
    }

    @Test
    void aQueryIsNotAResponse() {
        assertThatThrownBy(() -> decode(GoldenVectors.query("dns/samba-a-dc1-udp.hex")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("not a response");
    }

    @Test
    void recordCountsAboveTheCapAreRejectedBeforeDecoding() {
        byte[] many = HexFormat.of().parseHex("00018400" + "0000" + "ffff" + "ffff" + "0000");
        ByteBuf buf = Unpooled.wrappedBuffer(many);
        try {
            assertThatThrownBy(() -> DnsWireCodec.decode(buf, 100)).isInstanceOf(ProtocolDecodeException.class)
                    .hasMessageContaining("exceed the cap of 100");
        } finally {
            buf.release();
        }
    }

    @Test
    void aBadAddressLengthIsADecodeError() {
        byte[] shortA = HexFormat.of().parseHex("000184000000000100000000" + "00" + "0001" + "0001" + "00000005" + "0003" + "7f0000");
        assertThatThrownBy(() -> decode(shortA)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("address rdata must be 4 bytes, was 3");
    }

    @Test
    void randomCorruptionOnlyEverRaisesDecodeErrors() {
        byte[] full = GoldenVectors.hex("dns/samba-soa-tcp.hex");
        WireBytes.assertCorruptionOnlyRaisesDecodeErrors(Arrays.copyOfRange(full, 2, full.length), 53, 4,
                buf -> DnsWireCodec.decode(buf, 10_000));
    }
}
