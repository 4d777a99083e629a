package dev.portqry.core;

import dev.portqry.testkit.LoopbackPorts;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A conversation that ends with a farewell (SMTP QUIT) sends it and completes without waiting for an answer. */
class FarewellLoopbackTest {
    private static final ProbeOptions OPTS = ProbeOptions.builder().responderTimeout(Duration.ofSeconds(30))
            .udpTimeout(Duration.ofMillis(500)).responder(ResponderSelection.forced("bye")).build();

    @Test
    void tcpFarewellReachesTheServerAndTheResultDoesNotWaitForItsAnswer() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = LoopbackPorts.tcpListener(lo); PortProbe probe = probeWith(new ByeResponder())) {
            CompletableFuture<String> heard = CompletableFuture.supplyAsync(() -> greetAndListen(server));
            PortStatus st = probe.probe(lo, Protocol.TCP, server.getLocalPort(), OPTS).get(10, TimeUnit.SECONDS);

            assertThat(st.result(Greeting.class)).map(Greeting::text).contains("hello");
            assertThat(heard.get(10, TimeUnit.SECONDS)).isEqualTo("bye");
        }
    }

    @Test
    void udpFarewellIsSent() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(8);
        try (LoopbackPeer peer = LoopbackPeer.udp(lo, in -> {
            String text = new String(in, StandardCharsets.US_ASCII);
            seen.add(text);
            return "query".equals(text) ? "hello".getBytes(StandardCharsets.US_ASCII) : null;
        }); PortProbe probe = probeWith(new ByeResponder())) {
            PortStatus st = probe.probe(lo, Protocol.UDP, peer.port(), OPTS).get(10, TimeUnit.SECONDS);

            assertThat(st.result(Greeting.class)).map(Greeting::text).contains("hello");
            String last = null;
            for (String s = seen.poll(5, TimeUnit.SECONDS); s != null; s = seen.poll(1, TimeUnit.SECONDS)) {
                last = s;
                if ("bye".equals(s)) {
                    break;
                }
            }
            assertThat(last).isEqualTo("bye");
        }
    }

    /** Sends a greeting, then returns everything the client sent until it closed. */
    private static String greetAndListen(ServerSocket server) {
        try (Socket s = server.accept()) {
            OutputStream out = s.getOutputStream();
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static PortProbe probeWith(ProtocolResponder r) {
        return PortProbe.builder().responders(ResponderRegistry.builder().add(r).build()).build();
    }

    /** What the peer said. */
    record Greeting(String text) implements ResponderResult {
        @Override
        public List<String> reportLines() {
            return List.of(text);
        }
    }

    /** On TCP waits for five bytes, on UDP sends "query"; ends with the farewell "bye". */
    private static final class ByeResponder implements ProtocolResponder {
        @Override
        public String name() {
            return "bye";
        }

        @Override
        public String displayName() {
            return "Bye";
        }

        @Override
        public Set<PortClaim> defaultPorts() {
            return Set.of();
        }

        @Override
        public boolean supports(Protocol protocol) {
            return true;
        }

        @Override
        public Conversation open(ConversationContext context) {
            return new Conversation() {
                @Override
                public ByteBuf start() {
                    return context.protocol() == Protocol.UDP
                            ? Unpooled.copiedBuffer("query", StandardCharsets.US_ASCII) : Unpooled.EMPTY_BUFFER;
                }

                @Override
                public Step onReceive(ByteBuf in) {
                    if (in.readableBytes() < 5) {
                        return Step.needMore();
                    }
                    String text = in.readCharSequence(5, StandardCharsets.US_ASCII).toString();
                    return Step.done(new Greeting(text), Unpooled.copiedBuffer("bye", StandardCharsets.US_ASCII));
                }
            };
        }
    }
}
