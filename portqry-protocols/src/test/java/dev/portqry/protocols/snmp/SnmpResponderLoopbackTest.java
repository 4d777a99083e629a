package dev.portqry.protocols.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.LoopbackPeers;
import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.GoldenHex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SNMP responder through a real PortProbe against a loopback agent that answers like
 * snmpd: the captured varbinds of net-snmp's reply, re-wrapped around the query's version,
 * community and request-id; silence for any other community.
 */
class SnmpResponderLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.builder().udpTimeout(Duration.ofMillis(400))
            .responder(ResponderSelection.forced("snmp")).set(SnmpResponder.COMMUNITY, "portqry-ro").build();
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new SnmpResponder()).build())
                .defaultOptions(OPTS).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    /** Answers a GetRequest carrying {@code community}; stays silent otherwise, as an agent does. */
    static byte[] agent(byte[] query, String community, byte[] goldenReply) {
        ByteBuf q = Unpooled.wrappedBuffer(query);
        ByteBuf golden = Unpooled.wrappedBuffer(goldenReply);
        ByteBuf pdu = Unpooled.buffer();
        ByteBuf msg = Unpooled.buffer();
        ByteBuf out = Unpooled.buffer();
        try {
            BerReader m = new BerReader(q).constructed(0x30);
            int version = m.readInt();
            String c = m.value(0x04).toString(StandardCharsets.UTF_8);
            if (!c.equals(community)) {
                return null;
            }
            int requestId = m.constructed(0xa0).readInt();
            BerReader g = new BerReader(golden).constructed(0x30);
            g.readInt();
            g.value(0x04);
            BerReader gp = g.constructed(0xa2);
            gp.readInt();
            gp.readInt();
            gp.readInt();
            BerWriter.integer(pdu, requestId);
            BerWriter.integer(pdu, 0);
            BerWriter.integer(pdu, 0);
            BerWriter.tlv(pdu, 0x30, gp.value(0x30));
            BerWriter.integer(msg, version);
            BerWriter.tlv(msg, 0x04, c.getBytes(StandardCharsets.UTF_8));
            BerWriter.tlv(msg, 0xa2, pdu);
            BerWriter.tlv(out, 0x30, msg);
            return ByteBufUtil.getBytes(out);
        } catch (RuntimeException notSnmp) {
            return null;   // the one-byte plain probe
        } finally {
            q.release();
            golden.release();
            pdu.release();
            msg.release();
            out.release();
        }
    }

    @Test
    void theRightCommunityGetsTheSystemGroup() throws Exception {
        byte[] golden = GoldenHex.reply("snmp/netsnmp-v2c-system.hex");
        try (LoopbackPeers.UdpResponder peer = new LoopbackPeers.UdpResponder(LO, q -> agent(q, "portqry-ro", golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            SnmpResult r = st.result(SnmpResult.class).orElseThrow();
            assertThat(r.sysName()).hasValue("pq-golden-agent");
            assertThat(r.community()).isEqualTo("portqry-ro");
        }
    }

    @Test
    void versionOneIsASetting() throws Exception {
        byte[] golden = GoldenHex.reply("snmp/netsnmp-v1-system.hex");
        try (LoopbackPeers.UdpResponder peer = new LoopbackPeers.UdpResponder(LO, q -> agent(q, "portqry-ro", golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port(), OPTS.toBuilder().set(SnmpResponder.VERSION, "1").build()).get();
            assertThat(st.result(SnmpResult.class).orElseThrow().version()).isEqualTo(SnmpVersion.V1);
        }
    }

    @Test
    void aWrongCommunityIsFilteredWithTheHint() throws Exception {
        byte[] golden = GoldenHex.reply("snmp/netsnmp-v2c-system.hex");
        try (LoopbackPeers.UdpResponder peer = new LoopbackPeers.UdpResponder(LO, q -> agent(q, "portqry-ro", golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port(),
                    OPTS.toBuilder().set(SnmpResponder.COMMUNITY, "wrong").build()).get();
            assertThat(st.state()).isEqualTo(PortState.FILTERED);
            assertThat(st.reason()).contains("wrong community name is a likely cause");
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
        }
    }
}
