package dev.portqry.protocols.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.FakeContext;
import dev.portqry.protocols.WireBytes;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching, framing and the default question, without sockets. */
class DnsConversationTest {
    private static final ProbeOptions A_DC1 = ProbeOptions.builder().set(DnsResponder.QUERY_NAME, "dc1.corp.example.test").build();

    private static byte[] withId(byte[] reply, int offset, int id) {
        byte[] b = reply.clone();
        b[offset] = (byte) (id >> 8);
        b[offset + 1] = (byte) id;
        return b;
    }

    private static Step receive(DnsConversation c, byte[] bytes) {
        return WireBytes.decode(bytes, c::onReceive);
    }

    @Test
    void theDefaultQuestionIsPortQrysOwn() {
        FakeContext ctx = new FakeContext(Protocol.UDP, new InetSocketAddress("127.0.0.1", 53),
                Optional.of("dc1.corp.example.test"), ProbeOptions.defaults());
        assertThat(DnsQuestionChoice.choose(ctx).name()).isEqualTo("portqry.microsoft.com.");
        assertThat(DnsQuestionChoice.choose(ctx).type()).isEqualTo(DnsRecordType.A);
    }

    @Test
    void anEmptyNameAsksTheTargetNameElseTheRootZone() {
        ProbeOptions empty = ProbeOptions.builder().set(DnsResponder.QUERY_NAME, "").build();
        FakeContext named = new FakeContext(Protocol.UDP, new InetSocketAddress("127.0.0.1", 53),
                Optional.of("dc1.corp.example.test"), empty);
        assertThat(DnsQuestionChoice.choose(named).name()).isEqualTo("dc1.corp.example.test.");
        assertThat(DnsQuestionChoice.choose(named).type()).isEqualTo(DnsRecordType.A);
        FakeContext literal = FakeContext.of(Protocol.UDP, 53, empty);
        assertThat(DnsQuestionChoice.choose(literal).name()).isEqualTo(".");
        assertThat(DnsQuestionChoice.choose(literal).type()).isEqualTo(DnsRecordType.NS);
        FakeContext srv = FakeContext.of(Protocol.UDP, 53, ProbeOptions.builder()
                .set(DnsResponder.QUERY_NAME, "_ldap._tcp.corp.example.test.").set(DnsResponder.QUERY_TYPE, "srv").build());
        assertThat(DnsQuestionChoice.choose(srv).type()).isEqualTo(DnsRecordType.SRV);
        assertThat(DnsQuestionChoice.parseType("257").intValue()).isEqualTo(257);
        assertThatThrownBy(() -> DnsQuestionChoice.parseType("BOGUS")).hasMessage("dns.type must be a record type or 0-65535, was BOGUS");
    }

    @Test
    void aUdpReplyWithAnotherIdIsIgnoredAndTheRightOneAccepted() {
        DnsConversation c = new DnsConversation(FakeContext.of(Protocol.UDP, 53, A_DC1), DnsQuestionChoice.choose(FakeContext.of(Protocol.UDP, 53, A_DC1)));
        byte[] golden = GoldenVectors.hex("dns/samba-a-dc1-udp.hex");
        assertThat(receive(c, withId(golden, 0, c.id() ^ 1))).isInstanceOf(Step.NeedMore.class);
        Step done = receive(c, withId(golden, 0, c.id()));
        assertThat(done).isInstanceOf(Step.Done.class);
        assertThat(((Step.Done) done).result()).isInstanceOf(DnsResult.class);
    }

    @Test
    void aUdpReplyToAnotherQuestionIsIgnored() {
        ProbeOptions aaaa = A_DC1.toBuilder().set(DnsResponder.QUERY_TYPE, "AAAA").build();
        FakeContext ctx = FakeContext.of(Protocol.UDP, 53, aaaa);
        DnsConversation c = new DnsConversation(ctx, DnsQuestionChoice.choose(ctx));
        assertThat(receive(c, withId(GoldenVectors.hex("dns/samba-a-dc1-udp.hex"), 0, c.id()))).isInstanceOf(Step.NeedMore.class);
    }

    @Test
    void tcpWaitsForTheWholeFrameThenLeavesNothingUnread() {
        FakeContext ctx = FakeContext.of(Protocol.TCP, 53, A_DC1);
        DnsConversation c = new DnsConversation(ctx, DnsQuestionChoice.choose(ctx));
        byte[] framed = withId(GoldenVectors.hex("dns/samba-a-dc1-tcp.hex"), 2, c.id());
        ByteBuf in = Unpooled.buffer();
        try {
            in.writeBytes(framed, 0, 1);
            assertThat(c.onReceive(in)).isInstanceOf(Step.NeedMore.class);
            in.writeBytes(framed, 1, 40);
            assertThat(c.onReceive(in)).isInstanceOf(Step.NeedMore.class);
            assertThat(in.readerIndex()).isZero();
            in.writeBytes(framed, 41, framed.length - 41);
            assertThat(c.onReceive(in)).isInstanceOf(Step.Done.class);
            assertThat(in.isReadable()).isFalse();
        } finally {
            in.release();
        }
    }

    @Test
    void aTcpMismatchIsAProtocolError() {
        FakeContext ctx = FakeContext.of(Protocol.TCP, 53, A_DC1);
        DnsConversation c = new DnsConversation(ctx, DnsQuestionChoice.choose(ctx));
        byte[] framed = withId(GoldenVectors.hex("dns/samba-a-dc1-tcp.hex"), 2, c.id() ^ 1);
        assertThatThrownBy(() -> receive(c, framed)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("does not match query ID");
        assertThatThrownBy(() -> receive(c, new byte[] {0, 3, 1, 2, 3})).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("TCP length prefix 3");
    }
}
