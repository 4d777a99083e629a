package dev.portqry.protocols.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.FakeContext;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.protocols.ldap.internal.SearchResultDone;
import dev.portqry.protocols.ldap.internal.UnknownProtocolOp;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversation with plain buffers, as the engine drives it over TCP and UDP. */
class RootDseConversationTest {

    private static Step feed(RootDseConversation c, byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return c.onReceive(in);
        } finally {
            in.release();
        }
    }

    private static RootDseResult result(Step step) {
        assertThat(step).isInstanceOf(Step.Done.class);
        return (RootDseResult) ((Step.Done) step).result();
    }

    private static RootDseConversation started(Protocol protocol, int messageId) {
        RootDseConversation c = new RootDseConversation(FakeContext.of(protocol, 389), messageId);
        start(c);
        return c;
    }

    private static byte[] start(RootDseConversation c) {
        ByteBuf q = c.start();
        try {
            return ByteBufUtil.getBytes(q);
        } finally {
            q.release();
        }
    }

    @Test
    void sendsTheRootDseSearch() {
        RootDseConversation c = new RootDseConversation(FakeContext.of(Protocol.TCP, 389), LdapCaptures.TCP_ID);
        assertThat(start(c)).isEqualTo(GoldenVectors.raw("ldap/tcp389.request.bin"));
    }

    @Test
    void tcpReplyArrivingOneByteAtATime() {
        RootDseConversation c = started(Protocol.TCP, LdapCaptures.TCP_ID);
        byte[] golden = GoldenVectors.raw("ldap/tcp389.bin");
        ByteBuf cumulation = Unpooled.buffer();
        try {
            for (int i = 0; i < golden.length - 1; i++) {
                cumulation.writeByte(golden[i]);
                assertThat(c.onReceive(cumulation)).as("after %d bytes", i + 1).isSameAs(Step.needMore());
            }
            cumulation.writeByte(golden[golden.length - 1]);
            RootDseResult dse = result(c.onReceive(cumulation));
            assertThat(dse.defaultNamingContext()).contains("DC=corp,DC=example,DC=test");
            assertThat(dse.dnsHostName()).contains("dc1.corp.example.test");
            assertThat(cumulation.isReadable()).isFalse();
        } finally {
            cumulation.release();
        }
    }

    @Test
    void tcpGlobalCatalogReplyInOneRead() {
        RootDseConversation c = started(Protocol.TCP, LdapCaptures.GC_ID);
        RootDseResult dse = result(feed(c, GoldenVectors.raw("ldap/tcp3268.bin")));
        assertThat(dse.isGlobalCatalogReady()).contains(true);
        assertThat(dse.resultCode().isSuccess()).isTrue();
    }

    @Test
    void tcpReplyToAnotherMessageIdIsAnError() {
        RootDseConversation c = started(Protocol.TCP, 99);
        assertThatThrownBy(() -> feed(c, GoldenVectors.raw("ldap/tcp389.bin")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("messageID 4660");
    }

    @Test
    void tcpUnsolicitedNotificationIsAnError() {
        // messageID 0, ExtendedResponse { unavailable, "", "" } as a server closing the connection sends (RFC 4511 4.4.1).
        byte[] notice = new LdapMessage(0, new UnknownProtocolOp(UnknownProtocolOp.EXTENDED_RESPONSE,
                new byte[] {0x0a, 0x01, 0x34, 0x04, 0x00, 0x04, 0x00})).toByteArray();
        RootDseConversation c = new RootDseConversation(FakeContext.of(Protocol.TCP, 389), 5);
        assertThatThrownBy(() -> feed(c, notice)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("unsolicited notification");
    }

    @Test
    void tcpCloseBeforeTheEndIsAnError() {
        RootDseConversation c = started(Protocol.TCP, LdapCaptures.TCP_ID);
        byte[] golden = GoldenVectors.raw("ldap/tcp389.bin");
        int entry = LdapCaptures.firstMessageLength(golden);
        assertThat(feed(c, Arrays.copyOf(golden, entry))).isSameAs(Step.needMore());
        assertThatThrownBy(c::onPeerClosed).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("SearchResultDone");
    }

    @Test
    void udpDatagramWithEntryAndDone() {
        RootDseConversation c = new RootDseConversation(FakeContext.of(Protocol.UDP, 389), LdapCaptures.UDP_ID);
        assertThat(start(c)).isEqualTo(GoldenVectors.raw("ldap/udp389.request.bin"));
        RootDseResult dse = result(feed(c, GoldenVectors.raw("ldap/udp389.bin")));
        assertThat(dse.defaultNamingContext()).contains("DC=corp,DC=example,DC=test");
        assertThat(dse.dnsHostName()).contains("dc1.corp.example.test");
    }

    @Test
    void udpEntryAndDoneInSeparateDatagrams() {
        RootDseConversation c = started(Protocol.UDP, LdapCaptures.UDP_ID);
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        int entry = LdapCaptures.firstMessageLength(golden);
        assertThat(feed(c, Arrays.copyOf(golden, entry))).isSameAs(Step.needMore());
        RootDseResult dse = result(feed(c, Arrays.copyOfRange(golden, entry, golden.length)));
        assertThat(dse.namingContexts()).hasSize(5);
    }

    @Test
    void udpDatagramForAnotherMessageIdIsIgnored() {
        RootDseConversation c = started(Protocol.UDP, 8);
        assertThat(feed(c, GoldenVectors.raw("ldap/udp389.bin"))).isSameAs(Step.needMore());
        byte[] done = new LdapMessage(8, new SearchResultDone(LdapResultCode.SUCCESS, "", "", List.of())).toByteArray();
        assertThat(result(feed(c, done)).attributes()).isEmpty();
    }

    @Test
    void udpRetryForgetsEntriesOfTheEarlierAttempt() {
        RootDseConversation c = started(Protocol.UDP, LdapCaptures.UDP_ID);
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        int entry = LdapCaptures.firstMessageLength(golden);
        feed(c, Arrays.copyOf(golden, entry));
        start(c);
        RootDseResult dse = result(feed(c, golden));
        assertThat(dse.values("defaultNamingContext")).hasSize(1);
    }

    @Test
    void udpTruncatedDatagramIsAnError() {
        RootDseConversation c = started(Protocol.UDP, LdapCaptures.UDP_ID);
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        assertThatThrownBy(() -> feed(c, Arrays.copyOf(golden, golden.length / 2)))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("LDAP");
    }

    @Test
    void refusedSearchIsReportedInTheResult() {
        RootDseConversation c = started(Protocol.TCP, LdapCaptures.NEEDS_BIND_ID);
        RootDseResult dse = result(feed(c, GoldenVectors.raw("ldap/tcp389-needs-bind.bin")));
        assertThat(dse.resultCode()).isEqualTo(LdapResultCode.OPERATIONS_ERROR);
        assertThat(dse.diagnosticMessage()).contains("without authentication");
        assertThat(dse.attributes()).isEmpty();
        assertThat(dse.reportLines()).containsExactly("LDAP query response:",
                "result: operationsError (1) 00002020: Operation unavailable without authentication",
                "======== End of LDAP query response ========");
        assertThat(dse.summary()).isEqualTo("result=operationsError(1)");
    }

    @Test
    void valuesBeyondMaxEntriesAreAnError() {
        RootDseConversation c = new RootDseConversation(
                FakeContext.of(Protocol.UDP, 389, ProbeOptions.builder().maxEntries(30).build()), LdapCaptures.UDP_ID);
        start(c);
        assertThatThrownBy(() -> feed(c, GoldenVectors.raw("ldap/udp389.bin")))
                .isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("more than 30");
    }

    @Test
    void otherOperationsWithTheMessageIdAreAnError() {
        RootDseConversation c = new RootDseConversation(FakeContext.of(Protocol.UDP, 389), 3);
        byte[] bind = new LdapMessage(3, new UnknownProtocolOp(BerTagsForTest.BIND_RESPONSE,
                new byte[] {0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00})).toByteArray();
        assertThatThrownBy(() -> feed(c, bind)).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("unexpected");
    }

    /** Tags used only by these tests. */
    private static final class BerTagsForTest {
        static final dev.portqry.protocols.ber.BerTag BIND_RESPONSE = dev.portqry.protocols.ber.BerTag.application(1, true);
    }
}
