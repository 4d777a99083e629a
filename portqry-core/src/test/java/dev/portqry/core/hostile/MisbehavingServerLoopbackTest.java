package dev.portqry.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Servers that misbehave on purpose, on loopback: each probe must end within its deadline with
 * a clear reason and bounded memory, and the same {@link PortProbe} must answer a good server
 * afterwards. Waits that an answer ends are long; short ones only where silence is the point.
 */
class MisbehavingServerLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final int FLOOD = 100 << 20;
    private static final ProbeOptions OPTS = ProbeOptions.builder()
            .responder(ResponderSelection.forced(FramedResponder.NAME))
            .udpTimeout(Duration.ofSeconds(5)).responderTimeout(Duration.ofSeconds(10)).build();
    private static final ProbeOptions SILENT = OPTS.toBuilder()
            .udpTimeout(Duration.ofMillis(500)).responderTimeout(Duration.ofSeconds(1)).build();

    private static PortProbe probe;
    private static LoopbackPeer goodTcp;
    private static LoopbackPeer goodUdp;
    private static final AtomicInteger words = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new FramedResponder()).build())
                .defaultOptions(OPTS).build();
        goodTcp = LoopbackPeer.tcp((s, in, out) -> out.write(FramedResponder.reply(FramedResponder.readQuery(in), 0)));
        goodUdp = LoopbackPeer.udp(LO, q -> q.length == 1 ? new byte[] {1} : FramedResponder.reply(q, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        goodTcp.close();
        goodUdp.close();
        probe.close();
    }

    /** After every hostile server, the same probe still answers good ones over TCP and UDP. */
    @AfterEach
    void theProbeStillWorks() throws Exception {
        for (Protocol p : Protocol.values()) {
            String word = "w" + words.incrementAndGet();
            int port = p == Protocol.TCP ? goodTcp.port() : goodUdp.port();
            PortStatus st = get(probe.probe(LO, p, port, OPTS.toBuilder().set(FramedResponder.WORD, word).build()));
            assertThat(st.state()).as("%s after a hostile server", p).isEqualTo(PortState.LISTENING);
            assertThat(st.result(FramedResponder.FramedResult.class)).as("%s", p)
                    .map(FramedResponder.FramedResult::text).contains("+" + word);
        }
    }

    private static PortStatus get(java.util.concurrent.CompletableFuture<PortStatus> f) throws Exception {
        PortStatus st = f.get(60, TimeUnit.SECONDS); // far beyond every deadline here: a hang fails, a slow machine does not
        System.out.println("hostile: " + st.protocol() + " " + st.state() + " - " + st.reason() + " - " + st.responder().orElse(null));
        return st;
    }

    private static ResponderOutcome.Unparseable unparseable(PortStatus st) {
        assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.Unparseable.class);
        return (ResponderOutcome.Unparseable) st.responder().orElseThrow();
    }

    private static void flood(OutputStream out, int bytes) throws IOException {
        byte[] chunk = new byte[64 << 10];
        Arrays.fill(chunk, (byte) 0x5a);
        for (int sent = 0; sent < bytes; sent += chunk.length) {
            out.write(chunk);
        }
    }

    @Test
    void acceptsAndNeverWrites() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> in.transferTo(OutputStream.nullOutputStream()))) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port(), SILENT));
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.NoReply.class, n -> assertThat(n.reason())
                    .isEqualTo("no complete reply to the FRAMED query within 1000 ms; is the framed server up?"));
        }
    }

    @Test
    void dripsOneByteASecond() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> {
            FramedResponder.readQuery(in);
            while (true) {
                out.write(0);
                out.flush();
                Thread.sleep(1000);
            }
        })) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port(), SILENT.toBuilder().responderTimeout(Duration.ofMillis(2500)).build()));
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(unparseable(st).error()).startsWith("no complete reply to the FRAMED query within 2500 ms (").endsWith(" bytes received)");
        }
    }

    @Test
    void sendsOneHundredMegabytes() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> flood(out, FLOOD));
             MemoryHighWater memory = new MemoryHighWater()) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port()));
            memory.close();
            System.out.println("hostile: 100 MB TCP flood, server wrote " + (s.written() >> 10) + " KiB before the probe hung up; " + memory);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(unparseable(st).error()).isEqualTo("reply larger than the cap of 1048576 bytes");
            assertThat(memory.pooledHigh() - memory.pooledBaseline()).as("pooled memory growth").isLessThan(32L << 20);
        }
    }

    @Test
    void declaresALengthOfTwoToThe31AndFloods() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> {
            FramedResponder.readQuery(in);
            out.write(new byte[] {(byte) 0x80, 0, 0, 0});
            flood(out, FLOOD);
        }); MemoryHighWater memory = new MemoryHighWater()) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port()));
            memory.close();
            System.out.println("hostile: length 2^31 then flood; " + memory);
            assertThat(unparseable(st).error()).isEqualTo("reply larger than the cap of 1048576 bytes");
            assertThat(memory.pooledHigh() - memory.pooledBaseline()).as("pooled memory growth").isLessThan(32L << 20);
        }
    }

    @Test
    void declaresALengthOfTwoToThe31AndStops() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> {
            FramedResponder.readQuery(in);
            out.write(new byte[] {(byte) 0x80, 0, 0, 0, 1, 2, 3, 4});
            in.transferTo(OutputStream.nullOutputStream());
        })) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port(), SILENT));
            assertThat(unparseable(st).error()).isEqualTo("no complete reply to the FRAMED query within 1000 ms (8 bytes received)");
            assertThat(unparseable(st).firstBytes()).containsExactly(0x80, 0, 0, 0, 1, 2, 3, 4);
        }
    }

    @Test
    void closesMidReply() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> {
            byte[] reply = FramedResponder.reply(FramedResponder.readQuery(in), 0);
            out.write(reply, 0, 6);
            out.flush();
            sock.close();
        })) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port()));
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(unparseable(st).error()).contains("connection closed before the reply was complete");
        }
    }

    @Test
    void resetsMidReply() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> {
            byte[] reply = FramedResponder.reply(FramedResponder.readQuery(in), 0);
            out.write(reply, 0, 6);
            out.flush();
            sock.setSoLinger(true, 0); // close sends RST
            sock.close();
        })) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port()));
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(unparseable(st).error()).contains("before the reply was complete");
        }
    }

    @Test
    void tcpReplyWithTheWrongIdIsADecodeError() throws Exception {
        try (LoopbackPeer s = LoopbackPeer.tcp((sock, in, out) -> out.write(FramedResponder.reply(FramedResponder.readQuery(in), 1)))) {
            PortStatus st = get(probe.probe(LO, Protocol.TCP, s.port()));
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(unparseable(st).error()).matches("FRAMED: reply with id -?\\d+ to the query with id -?\\d+");
        }
    }

    @Test
    void udpGarbageIsUnparseableButListening() throws Exception {
        byte[] garbage = "\u00ff\u0000junk".getBytes(StandardCharsets.ISO_8859_1);
        try (LoopbackPeer r = LoopbackPeer.udp(LO, q -> garbage)) {
            PortStatus st = get(probe.probe(LO, Protocol.UDP, r.port()));
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(unparseable(st).error()).isEqualTo("FRAMED: datagram of 6 bytes is too short");
        }
    }

    @Test
    void udpReplyFromAnotherSourcePortIsIgnored() throws Exception {
        AtomicInteger received = new AtomicInteger();
        try (LoopbackPeer listen = LoopbackPeer.udpScripted(LO, d -> {
            received.incrementAndGet();
            byte[] q = d.payload();
            d.replyFromAnotherPort(q.length == 1 ? new byte[] {1} : FramedResponder.reply(q, 0)); // from the wrong port
        })) {
            PortStatus st = get(probe.probe(LO, Protocol.UDP, listen.port(), SILENT));
            assertThat(received.get()).as("datagrams the server answered").isEqualTo(2);
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING_OR_FILTERED);
            assertThat(st.state()).isEqualTo(PortState.FILTERED);
            assertThat(st.reason()).isEqualTo("no reply to the FRAMED query after 1 attempt of 500 ms; is the framed server up?");
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
        }
    }

    @Test
    void udpReplyWithTheWrongIdIsIgnoredUntilTheDeadline() throws Exception {
        try (LoopbackPeer r = LoopbackPeer.udp(LO,
                q -> q.length == 1 ? new byte[] {1} : FramedResponder.reply(q, 1))) {
            PortStatus st = get(probe.probe(LO, Protocol.UDP, r.port(), SILENT));
            assertThat(st.initialState()).isEqualTo(PortState.LISTENING);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.NoReply.class, n -> assertThat(n.reason())
                    .isEqualTo("no reply to the FRAMED query after 1 attempt of 500 ms; is the framed server up?"));
        }
    }

    @Test
    void udpFloodOfStrayDatagramsIsCut() throws Exception {
        byte[] stray = new byte[60_000];
        java.nio.ByteBuffer.wrap(stray).putInt(stray.length - 4).putInt(42);
        try (LoopbackPeer server = LoopbackPeer.udpScripted(LO, d -> {
                if (d.payload().length == 1) {
                    d.reply(new byte[] {1});
                    return;
                }
                for (int sent = 0; sent < FLOOD; sent += stray.length) {
                    d.reply(stray);
                }
            });
             MemoryHighWater memory = new MemoryHighWater()) {
            PortStatus st = get(probe.probe(LO, Protocol.UDP, server.port()));
            memory.close();
            System.out.println("hostile: 100 MB UDP flood of stray datagrams; " + memory);
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(unparseable(st).error()).isEqualTo("reply larger than the cap of 1048576 bytes");
            assertThat(memory.pooledHigh() - memory.pooledBaseline()).as("pooled memory growth").isLessThan(32L << 20);
        }
    }
}
