package dev.portqry.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.ServiceNames;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.Script;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The responder through a real PortProbe against a tiny fake Redis on loopback. */
class RedisPingLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static PortProbe probe;

    @BeforeAll
    static void open() {
        probe = PortProbe.builder().build();
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    /** Reads the PING array, then writes {@code reply}, as redis-server does. */
    private static LoopbackPeer fakeRedis(String reply) throws Exception {
        return LoopbackPeer.tcp(LO, Script.create().read(RedisPingConversation.PING.length).reply(command ->
                new String(command, StandardCharsets.US_ASCII).equals("*1\r\n$4\r\nPING\r\n") ? reply.getBytes(StandardCharsets.US_ASCII) : null));
    }

    private static ProbeOptions forced() {
        return ProbeOptions.builder().responder(ResponderSelection.forced("redis")).build();
    }

    @Test
    void pong() throws Exception {
        try (LoopbackPeer redis = fakeRedis("+PONG\r\n")) {
            PortStatus s = probe.probe(LO, Protocol.TCP, redis.port(), forced()).join();
            assertThat(s.state()).isEqualTo(PortState.LISTENING);
            assertThat(s.result(RedisPingResult.class)).get().extracting(RedisPingResult::pong).isEqualTo(true);
        }
    }

    @Test
    void noauthIsAnAnswerToo() throws Exception {
        try (LoopbackPeer redis = fakeRedis("-NOAUTH Authentication required.\r\n")) {
            PortStatus s = probe.probe(LO, Protocol.TCP, redis.port(), forced()).join();
            assertThat(s.result(RedisPingResult.class)).get().extracting(RedisPingResult::authenticationRequired)
                    .isEqualTo(true);
        }
    }

    @Test
    void chosenByServiceNameWithoutForcing() throws Exception {
        try (LoopbackPeer redis = fakeRedis("+PONG\r\n");
             PortProbe byName = PortProbe.builder()
                     .serviceNames(ServiceNames.parse(List.of("redis " + redis.port() + "/tcp"), "test")).build()) {
            PortStatus s = byName.probe(LO, Protocol.TCP, redis.port()).join();
            assertThat(s.serviceLabel()).isEqualTo("redis");
            assertThat(s.result(RedisPingResult.class)).isPresent();
        }
    }

    @Test
    void somethingElseOnThePortIsUnparseableButListening() throws Exception {
        try (LoopbackPeer ssh = LoopbackPeer.tcp(LO, Script.create().sendLine("SSH-2.0-OpenSSH_9.2p1").read(1))) {
            PortStatus s = probe.probe(LO, Protocol.TCP, ssh.port(), forced()).join();
            assertThat(s.state()).isEqualTo(PortState.LISTENING);
            assertThat(s.responder()).get().isInstanceOf(ResponderOutcome.Unparseable.class);
        }
    }
}
