package dev.portqry.protocols.greeting;

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
import dev.portqry.testkit.Script;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Greetings through a real {@link PortProbe} against scripted servers on loopback. */
class GreetingLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ResponderRegistry REGISTRY = ResponderRegistry.builder()
            .add(new FtpResponder()).add(new SmtpResponder()).add(new Pop3Responder()).add(new ImapResponder()).build();
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(REGISTRY).build();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @Test
    void smtpMultiLineGreetingThenQuitWithoutWaiting() throws Exception {
        try (LoopbackPeer server = server(GoldenVectors.raw("greeting/exim4-multiline-greeting.bin"), Map.of())) {
            PortStatus st = run(server, "smtp", ProbeOptions.builder());
            GreetingResult g = st.result(GreetingResult.class).orElseThrow();

            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(g.protocol()).isEqualTo(GreetingProtocol.SMTP);
            assertThat(g.statusCode()).hasValue(220);
            assertThat(g.reportLines()).containsExactly("Data returned from port:",
                    "220-mx.capture.test ESMTP portqry capture", "220-second line of a multi-line banner", "220 third line");
            assertThat(received(server)).isEqualTo("QUIT\r\n");
        }
    }

    @Test
    void ftpTriesAnAnonymousLogon() throws Exception {
        try (LoopbackPeer server = server(GoldenVectors.raw("greeting/vsftpd-multiline-greeting.bin"),
                Map.of("USER anonymous", GoldenVectors.raw("greeting/vsftpd-noanon-user-anonymous.bin")))) {
            GreetingResult g = run(server, "ftp", ProbeOptions.builder()).result(GreetingResult.class).orElseThrow();

            assertThat(g.lines()).hasSize(4);
            assertThat(g.anonymousCode()).hasValue(331);
            assertThat(g.anonymousAccepted()).isTrue();
            assertThat(g.reportLines()).endsWith("220 ", "USER anonymous", "331 Please specify the password.");
            assertThat(received(server)).isEqualTo("USER anonymous\r\nQUIT\r\n");
        }
    }

    @Test
    void ftpRefusingServiceGetsNoLogonAttempt() throws Exception {
        byte[] busy = "421 Too many connections.\r\n".getBytes(StandardCharsets.US_ASCII);
        try (LoopbackPeer server = server(busy, Map.of())) {
            GreetingResult g = run(server, "ftp", ProbeOptions.builder()).result(GreetingResult.class).orElseThrow();
            assertThat(g.statusCode()).hasValue(421);
            assertThat(g.anonymousReply()).isEmpty();
            assertThat(received(server)).isEqualTo("QUIT\r\n");
        }
    }

    @Test
    void pop3AndImapEndPolitely() throws Exception {
        try (LoopbackPeer server = server(GoldenVectors.raw("greeting/dovecot-pop3-greeting.bin"), Map.of())) {
            GreetingResult g = run(server, "pop3", ProbeOptions.builder()).result(GreetingResult.class).orElseThrow();
            assertThat(g.status()).isEqualTo("+OK");
            assertThat(g.lines()).containsExactly("+OK portqry testbed dovecot ready.");
            assertThat(received(server)).isEqualTo("QUIT\r\n");
        }
        try (LoopbackPeer server = server(GoldenVectors.raw("greeting/dovecot-imap-greeting.bin"), Map.of())) {
            GreetingResult g = run(server, "imap", ProbeOptions.builder()).result(GreetingResult.class).orElseThrow();
            assertThat(g.status()).isEqualTo("OK");
            assertThat(g.lines()).singleElement().asString().startsWith("* OK [CAPABILITY IMAP4rev1");
            assertThat(received(server)).isEqualTo("a1 LOGOUT\r\n");
        }
    }

    @Test
    void lineCapTruncatesAnEndlessBanner() throws Exception {
        byte[] endless = "220-more\r\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
        try (LoopbackPeer server = server(endless, Map.of())) {
            GreetingResult g = run(server, "smtp", ProbeOptions.builder().set(GreetingResponder.MAX_LINES, 5))
                    .result(GreetingResult.class).orElseThrow();
            assertThat(g.lines()).hasSize(5);
            assertThat(g.truncated()).isTrue();
        }
    }

    @Test
    void binaryGarbageIsUnparseableNotAHang() throws Exception {
        byte[] junk = new byte[6000];
        Arrays.fill(junk, (byte) 0x9c);
        try (LoopbackPeer server = server(junk, Map.of())) {
            PortStatus st = run(server, "smtp", ProbeOptions.builder().responderTimeout(Duration.ofSeconds(30)));
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class,
                    u -> assertThat(u.error()).contains("no line end within 4096 bytes"));
        }
    }

    @Test
    void replyBytesCapStopsAFlood() throws Exception {
        byte[] flood = "220-flood\r\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        try (LoopbackPeer server = server(flood, Map.of())) {
            PortStatus st = run(server, "smtp", ProbeOptions.builder().maxReplyBytes(256));
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class,
                    u -> assertThat(u.error()).contains("cap of 256 bytes"));
        }
    }

    @Test
    void greetingWithoutLineEndEndsAtTheDeadline() throws Exception {
        try (LoopbackPeer server = server("220 never ends".getBytes(StandardCharsets.US_ASCII), Map.of())) {
            PortStatus st = run(server, "pop3", ProbeOptions.builder().responderTimeout(Duration.ofMillis(300)));
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            assertThat(st.responder()).get().isInstanceOfSatisfying(ResponderOutcome.Unparseable.class,
                    u -> assertThat(u.error()).contains("14 bytes received"));
        }
    }

    @Test
    void silentServerIsNoReply() throws Exception {
        try (LoopbackPeer server = server(new byte[0], Map.of())) {
            PortStatus st = run(server, "imap", ProbeOptions.builder().responderTimeout(Duration.ofMillis(300)));
            assertThat(st.responder()).get().isInstanceOf(ResponderOutcome.NoReply.class);
        }
    }

    @Test
    void ftpServerHangingUpOnUserStillReportsItsGreeting() throws Exception {
        try (LoopbackPeer server = server(GoldenVectors.raw("greeting/vsftpd-greeting.bin"),
                Map.of("USER anonymous", HANG_UP))) {
            GreetingResult g = run(server, "ftp", ProbeOptions.builder()).result(GreetingResult.class).orElseThrow();
            assertThat(g.lines()).containsExactly("220 portqry testbed FTP service ready.");
            assertThat(g.anonymousReply()).isEmpty();
        }
    }

    @Test
    void registrySelectsByPortAndServiceName() {
        assertThat(REGISTRY.select(Protocol.TCP, 25, Optional.empty())).get().extracting(r -> r.name()).isEqualTo("smtp");
        assertThat(REGISTRY.select(Protocol.TCP, 21, Optional.empty())).get().extracting(r -> r.name()).isEqualTo("ftp");
        assertThat(REGISTRY.select(Protocol.TCP, 1143, Optional.of("imap2"))).get().extracting(r -> r.name()).isEqualTo("imap");
        assertThat(REGISTRY.select(Protocol.UDP, 110, Optional.empty())).isEmpty();
        assertThat(ResponderRegistry.loadDefault().byName("pop3")).get().isInstanceOf(Pop3Responder.class);
    }

    /** An answer that makes the server hang up instead. */
    private static final byte[] HANG_UP = new byte[0];

    /**
     * A server that sends {@code greeting}, then answers each command line (without CRLF) from
     * {@code answers}, or hangs up on {@link #HANG_UP}; other lines get no answer.
     */
    private static LoopbackPeer server(byte[] greeting, Map<String, byte[]> answers) throws IOException {
        return LoopbackPeer.tcp(LO, (socket, in, out) -> {
            out.write(greeting);
            out.flush();
            for (byte[] line = Script.line(in); line != null; line = Script.line(in)) {
                byte[] answer = answers.get(new String(line, StandardCharsets.US_ASCII).strip());
                if (answer == HANG_UP) {
                    socket.close();
                    return;
                }
                if (answer != null) {
                    out.write(answer);
                    out.flush();
                }
            }
        });
    }

    /** @return what the client sent on its one connection, once it hung up */
    private static String received(LoopbackPeer server) throws InterruptedException {
        return new String(server.takeReceived(Duration.ofSeconds(5)), StandardCharsets.US_ASCII);
    }

    private static PortStatus run(LoopbackPeer server, String responder, ProbeOptions.Builder b) throws Exception {
        return probe.probe(LO, Protocol.TCP, server.port(), options(responder, b)).get(30, TimeUnit.SECONDS);
    }

    private static ProbeOptions options(String responder, ProbeOptions.Builder b) {
        return b.responder(ResponderSelection.forced(responder)).build();
    }
}
