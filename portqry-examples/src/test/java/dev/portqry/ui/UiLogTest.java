package dev.portqry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The UI's own log lines never carry a request detail raw: escaped, and cut to a bounded length. */
class UiLogTest {
    @Test
    void logTextEscapesControlsAndCutsLongValues() {
        assertThat(LogText.of("/a\u001b]0;pwned\u0007\r\n[main] INFO forged")).isEqualTo("/a\\x1b]0;pwned\\x07\\r\\n[main] INFO forged");
        assertThat(LogText.of("x\u009b2J")).isEqualTo("x\\u009b2J");
        assertThat(LogText.of(null)).isEqualTo("-");
        String longer = LogText.of("h".repeat(10_000));
        assertThat(longer).isEqualTo("h".repeat(LogText.MAX_CHARS) + "…(10000 chars)");
        assertThat(LogText.of("\u001b".repeat(1000))).hasSizeLessThan(LogText.MAX_CHARS * 4 + 20);
    }

    @Test
    void aRefusedRequestIsLoggedOnOneEscapedLine() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        try (PortProbe probe = PortProbe.builder().ioThreads(1).build();
             UiServer ui = UiServer.start(probe, UiOptions.builder().port(0).build())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int port = ui.uri().getPort();
            // What a page on another origin got into the terminal: a title change (OSC), a screen
            // clear (CSI, also as the one-byte C1 form) and a forged log line, in the path, Host and Origin.
            // C0 controls in a header value never get this far: the HTTP decoder answers 400.
            String request = "GET /x%1B]0;owned%07%1B[2J%0D%0A[main]%20INFO%20forged HTTP/1.1\r\n"
                    + "Host: evil.example:" + port + "\u009b2J\r\n"
                    + "Origin: http://evil.example\u009d0;t" + "o".repeat(500) + "\r\n"
                    + "Connection: close\r\n\r\n";
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertThat(status).startsWith("HTTP/1.1 403 ");
            }
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("refused GET /x\\x1b]0;owned\\x07\\x1b[2J\\r\\n[main] INFO forged (Host evil.example:");
        assertThat(log).contains("\\u009b2J", "\\u009d0;t", "…(");
        assertThat(log.lines().filter(l -> l.contains("refused"))).hasSize(1);
        assertThat(log.lines().filter(l -> l.startsWith("[main] INFO forged"))).isEmpty();
        assertThat(log.chars().filter(ch -> ch < 0x20 && ch != '\n' || ch == 0x7f || ch >= 0x80 && ch < 0xa0))
                .as("no control character but the line ends").isEmpty();
        assertThat(log.lines().mapToInt(String::length).max().orElse(0)).as("bounded line length").isLessThan(1500);
    }
}
