package dev.portqry.protocols.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.GoldenVectors;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real PortProbe against loopback servers that replay Samba's golden replies. */
class LdapLoopbackTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTIONS = ProbeOptions.builder()
            .udpTimeout(Duration.ofMillis(500))
            .responder(ResponderSelection.forced(LdapResponder.NAME))
            .build();
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder()
                .responders(ResponderRegistry.builder().add(new LdapResponder()).build())
                .defaultOptions(OPTIONS)
                .build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @Test
    void cldapAnswerMakesTheUdpPortListeningWithATypedResult() throws Exception {
        byte[] golden = GoldenVectors.raw("ldap/udp389.bin");
        try (LoopbackPeer server = LoopbackPeer.udp(LOOPBACK, in -> GoldenLdapReplies.answer(in, golden))) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.UDP, server.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
            RootDseResult dse = st.result(RootDseResult.class).orElseThrow();
            assertThat(dse.defaultNamingContext()).contains("DC=corp,DC=example,DC=test");
            assertThat(dse.dnsHostName()).contains("dc1.corp.example.test");
        }
    }

    @Test
    void tcpAnswerInPiecesGivesATypedResult() throws Exception {
        try (LoopbackPeer server = GoldenLdapReplies.tcp(LOOPBACK, GoldenVectors.raw("ldap/tcp389.bin"))) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.TCP, server.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            RootDseResult dse = st.result(RootDseResult.class).orElseThrow();
            assertThat(dse.defaultNamingContext()).contains("DC=corp,DC=example,DC=test");
            assertThat(dse.supportedSASLMechanisms()).contains("GSSAPI");
        }
    }

    @Test
    void tcpRefusedSearchIsStillAnAnswer() throws Exception {
        try (LoopbackPeer server = GoldenLdapReplies.tcp(LOOPBACK, GoldenVectors.raw("ldap/tcp389-needs-bind.bin"))) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.TCP, server.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.result(RootDseResult.class).orElseThrow().resultCode()).isEqualTo(LdapResultCode.OPERATIONS_ERROR);
        }
    }

    @Test
    void garbageReplyIsUnparseableButListening() throws Exception {
        try (LoopbackPeer server = LoopbackPeer.udp(LOOPBACK,
                in -> in.length > 1 ? new byte[] {0x30, (byte) 0x84, (byte) 0x80, 0, 0, 0} : null)) {
            PortStatus st = probe.probe(LOOPBACK, Protocol.UDP, server.port()).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.Unparseable.class);
        }
    }

    @Test
    void cldapToAClosedUdpPortIsNotListening() throws Exception {
        PortStatus st = probe.probe(LOOPBACK, Protocol.UDP, LoopbackPorts.closedUdpPort(LOOPBACK)).get();
        assertThat(st.state()).isEqualTo(PortState.NOT_LISTENING);
    }

    @Test
    void responderClaimsPortQrysLdapPorts() {
        ResponderRegistry registry = ResponderRegistry.builder().add(new LdapResponder()).build();
        assertThat(registry.select(Protocol.UDP, 389, java.util.Optional.empty())).isPresent();
        assertThat(registry.select(Protocol.TCP, 3268, java.util.Optional.empty())).isPresent();
        assertThat(registry.select(Protocol.TCP, 1025, java.util.Optional.of("ldap"))).isPresent();
        assertThat(registry.select(Protocol.TCP, 3269, java.util.Optional.empty())).isEmpty();
        assertThat(ResponderRegistry.loadDefault().byName("ldap")).get().isInstanceOf(LdapResponder.class);
        LdapResponder r = new LdapResponder();
        assertThat(r.usesEphemeralSourcePort(Protocol.UDP)).isTrue();
        assertThat(r.usesEphemeralSourcePort(Protocol.TCP)).isFalse();
        assertThat(r.queryBanner(Protocol.UDP, 389)).isEqualTo("Sending LDAP query to UDP port 389...");
    }
}
