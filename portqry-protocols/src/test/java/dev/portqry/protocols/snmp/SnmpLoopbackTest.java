package dev.portqry.protocols.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.snmp.internal.SnmpGetRequest;
import dev.portqry.testkit.GoldenVectors;
import dev.portqry.testkit.LoopbackPeer;
import io.netty.buffer.ByteBuf;
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
class SnmpLoopbackTest {
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
        try {
            BerReader m = BerReader.of(q, "SNMP").readSequence();
            int version = m.readInt();
            String c = new String(m.readOctetString(), StandardCharsets.UTF_8);
            if (!c.equals(community)) {
                return null;
            }
            int requestId = m.readConstructed(SnmpGetRequest.TAG).readInt();
            BerReader g = BerReader.of(golden, "SNMP").readSequence();
            g.readInt();
            g.readOctetString();
            BerReader gp = g.readConstructed(SnmpResult.TAG);
            gp.readInt();
            gp.readInt();
            gp.readInt();
            return new BerWriter().startSequence()
                    .writeInteger(version)
                    .writeOctetString(c.getBytes(StandardCharsets.UTF_8))
                    .start(SnmpResult.TAG)
                    .writeInteger(requestId)
                    .writeInteger(0)
                    .writeInteger(0)
                    .writeContents(BerTag.SEQUENCE, gp.readContents(BerTag.SEQUENCE))
                    .end().end().toByteArray();
        } catch (RuntimeException notSnmp) {
            return null;   // the one-byte plain probe
        } finally {
            q.release();
            golden.release();
        }
    }

    @Test
    void theRightCommunityGetsTheSystemGroup() throws Exception {
        byte[] golden = GoldenVectors.hex("snmp/netsnmp-v2c-system.hex");
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> agent(q, "portqry-ro", golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            SnmpResult r = st.result(SnmpResult.class).orElseThrow();
            assertThat(r.sysName()).hasValue("pq-golden-agent");
            assertThat(r.community()).isEqualTo("portqry-ro");
        }
    }

    @Test
    void versionOneIsASetting() throws Exception {
        byte[] golden = GoldenVectors.hex("snmp/netsnmp-v1-system.hex");
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> agent(q, "portqry-ro", golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port(), OPTS.toBuilder().set(SnmpResponder.VERSION, "1").build()).get();
            assertThat(st.result(SnmpResult.class).orElseThrow().version()).isEqualTo(SnmpVersion.V1);
        }
    }

    @Test
    void aWrongCommunityIsFilteredWithTheHint() throws Exception {
        byte[] golden = GoldenVectors.hex("snmp/netsnmp-v2c-system.hex");
        try (LoopbackPeer peer = LoopbackPeer.udp(LO, q -> agent(q, "portqry-ro", golden))) {
            PortStatus st = probe.probe(LO, Protocol.UDP, peer.port(),
                    OPTS.toBuilder().set(SnmpResponder.COMMUNITY, "wrong").build()).get();
            assertThat(st.state()).isEqualTo(PortState.FILTERED);
            assertThat(st.reason()).contains("wrong community name is a likely cause");
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
        }
    }
}
