package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.core.spi.Step;
import dev.portqry.testkit.LoopbackPeer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A responder that accepts replies from any port (TFTP's new transfer ID) hears an answer sent
 * from another port of the target's address, and ignores one from another address; a normal
 * responder never hears either.
 */
class AnyPortReplyLoopbackTest {
    private static final ProbeOptions FAST = ProbeOptions.builder().udpTimeout(Duration.ofMillis(400))
            .responder(ResponderSelection.forced("echo")).build();

    @Test
    void replyFromAnotherPortOfTheTargetIsAcceptedAndStrangersAreIgnored() throws Exception {
        InetAddress target = InetAddress.getByName("127.0.0.1");
        InetAddress stranger = InetAddress.getByName("127.0.0.2");
        try (LoopbackPeer peer = transferIdPeer(target, stranger);
             PortProbe probe = probeWith(new EchoResponder(true))) {
            PortStatus st = probe.probe(target, Protocol.UDP, peer.port(), FAST).get();

            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.result(Text.class)).map(Text::text).contains("from the transfer port");
        }
    }

    @Test
    void connectedQueryNeverHearsAnotherPort() throws Exception {
        InetAddress target = InetAddress.getByName("127.0.0.1");
        InetAddress stranger = InetAddress.getByName("127.0.0.2");
        try (LoopbackPeer peer = transferIdPeer(target, stranger);
             PortProbe probe = probeWith(new EchoResponder(false))) {
            PortStatus st = probe.probe(target, Protocol.UDP, peer.port(), FAST).get();

            assertThat(st.state()).isEqualTo(PortState.FILTERED);
            assertThat(st.responder()).containsInstanceOf(ResponderOutcome.NoReply.class);
        }
    }

    private static PortProbe probeWith(ProtocolResponder r) {
        return PortProbe.builder().responders(ResponderRegistry.builder().add(r).build()).defaultOptions(FAST)
                .build();
    }

    /** The decoded text of a reply. */
    record Text(String text) implements ResponderResult {
        @Override
        public List<String> reportLines() {
            return List.of(text);
        }
    }

    /** Sends "query" and takes the first datagram it is given as the answer. */
    private record EchoResponder(boolean anyPort) implements ProtocolResponder {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String displayName() {
            return "Echo";
        }

        @Override
        public Set<PortClaim> defaultPorts() {
            return Set.of();
        }

        @Override
        public boolean supports(Protocol protocol) {
            return protocol == Protocol.UDP;
        }

        @Override
        public boolean acceptsRepliesFromAnyPort() {
            return anyPort;
        }

        @Override
        public Conversation open(ConversationContext context) {
            return new Conversation() {
                @Override
                public ByteBuf start() {
                    return Unpooled.copiedBuffer("query", StandardCharsets.US_ASCII);
                }

                @Override
                public Step onReceive(ByteBuf in) {
                    return Step.done(new Text(in.toString(StandardCharsets.US_ASCII)));
                }
            };
        }
    }

    /**
     * A peer that answers "query" first from a socket on another address, then from a second
     * port of its own address, never from the port queried. Step 1's one-byte probe gets no answer.
     */
    private static LoopbackPeer transferIdPeer(InetAddress address, InetAddress stranger) throws IOException {
        return LoopbackPeer.udpScripted(address, d -> {
            if ("query".equals(new String(d.payload(), StandardCharsets.US_ASCII))) {
                d.replyFrom(stranger, "from a stranger".getBytes(StandardCharsets.US_ASCII));
                d.replyFromAnotherPort("from the transfer port".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }
}
