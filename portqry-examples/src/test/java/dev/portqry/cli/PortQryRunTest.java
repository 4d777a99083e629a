package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.portqry.core.PortProbe;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The CLI in process against loopback sockets, with a responder the CLI does not know. */
class PortQryRunTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private record Run(int code, List<String> out, String err) {
    }

    private static Run run(int echoPort, String stdin, String... args) {
        CliRun r = CliRun.of(echoPort, stdin, args);
        return new Run(r.code(), r.outLines(), r.err());
    }

    private static LoopbackPeer udp(UnaryOperator<byte[]> reply) throws Exception {
        return LoopbackPeer.udp(LOOPBACK, reply);
    }

    @Test
    void answeredResponderPrintsBannerSectionAndUdpVerdict() throws Exception {
        try (LoopbackPeer peer = udp(in -> "pong!".getBytes(StandardCharsets.US_ASCII))) {
            int p = peer.port();
            Run r = run(p, "", "-n", "127.0.0.1", "-p", "udp", "-e", String.valueOf(p), "-nr", "-cn", "!my", "community!");
            assertThat(r.code()).isZero();
            assertThat(r.out()).containsSubsequence(
                    "Querying target system called:", "", " 127.0.0.1", "", "querying...", "",
                    "UDP port " + p + " (unknown service): LISTENING",
                    "Sending ECHO query to UDP port " + p + "...",
                    "ECHO query response:", "community: my community", "reply: pong!",
                    "======== End of ECHO query response ========",
                    "UDP port " + p + " is LISTENING");
            assertThat(r.out()).doesNotContain("Using ephemeral source port");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void sourcePortPrintsEphemeralNoteForResponderThatIgnoresIt() throws Exception {
        try (LoopbackPeer peer = udp(in -> "pong".getBytes(StandardCharsets.US_ASCII))) {
            int p = peer.port();
            int sp = LoopbackPorts.closedUdpPort(LOOPBACK);
            Run r = run(p, "", "-n", "127.0.0.1", "-p", "udp", "-e", String.valueOf(p), "-nr", "-sp", String.valueOf(sp));
            assertThat(r.out()).containsSubsequence("UDP port " + p + " (unknown service): LISTENING",
                    "Using ephemeral source port", "Sending ECHO query to UDP port " + p + "...");
        }
    }

    @Test
    void unparseableReplyPrintsErrorAndHex() throws Exception {
        try (LoopbackPeer peer = udp(in -> new byte[] {'X', 0x01, (byte) 0xff})) {
            int p = peer.port();
            Run r = run(p, "", "-n", "127.0.0.1", "-p", "udp", "-e", String.valueOf(p), "-nr");
            assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("Could not parse the ECHO reply:").contains("pong"));
            assertThat(r.out()).contains("First 3 bytes received: 58 01 ff");
            assertThat(r.code()).isZero();
        }
    }

    @Test
    void silentResponderPortPrintsNoReplyReason() throws Exception {
        try (LoopbackPeer peer = udp(in -> null)) {
            int p = peer.port();
            Run r = run(p, "", "-n", "127.0.0.1", "-p", "udp", "-e", String.valueOf(p), "-nr", "-udpwait", "200");
            assertThat(r.out()).contains("UDP port " + p + " (unknown service): LISTENING or FILTERED");
            assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("No ECHO reply: "));
            assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("UDP port " + p + " is "));
            assertThat(r.code()).isEqualTo(ExitCodes.FILTERED);
        }
    }

    @Test
    void jsonCarriesResponderResultWalkedByReflection() throws Exception {
        try (LoopbackPeer peer = udp(in -> "pong".getBytes(StandardCharsets.US_ASCII));
             ServerSocket tcp = LoopbackPorts.tcpListener(LOOPBACK)) {
            int p = peer.port();
            Run r = run(p, "", "-n", "127.0.0.1", "-o", p + "," + tcp.getLocalPort(), "-p", "both", "-nr", "-json",
                    "-set", "snmp.community=c1", "-tcpwait", "300", "-udpwait", "300");
            assertThat(r.out()).hasSize(4);
            JsonObject udp = JsonParser.parseString(r.out().get(1)).getAsJsonObject();
            assertThat(udp.get("protocol").getAsString()).isEqualTo("UDP");
            assertThat(udp.get("state").getAsString()).isEqualTo("LISTENING");
            JsonObject responder = udp.getAsJsonObject("responder");
            assertThat(responder.get("name").getAsString()).isEqualTo("echo");
            assertThat(responder.get("outcome").getAsString()).isEqualTo("answered");
            assertThat(responder.getAsJsonObject("result").get("community").getAsString()).isEqualTo("c1");
            assertThat(responder.getAsJsonObject("result").getAsJsonArray("values")).hasSize(2);
            JsonObject tcpLine = JsonParser.parseString(r.out().get(2)).getAsJsonObject();
            assertThat(tcpLine.get("port").getAsInt()).isEqualTo(tcp.getLocalPort());
            assertThat(tcpLine.get("state").getAsString()).isEqualTo("LISTENING");
            assertThat(tcpLine.get("responder").isJsonNull()).isTrue();
            for (String key : List.of("target", "address", "service", "initialState", "reason", "attempts", "elapsedMs")) {
                assertThat(tcpLine.has(key)).as(key).isTrue();
            }
        }
    }

    @Test
    void unknownSettingIsAUsageError() {
        Run r = run(9, "", "-n", "127.0.0.1", "-nr", "-set", "nosuch.setting=1");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nosuch.setting").contains("exit code 3");
    }

    @Test
    void manyPortsPrintInOrderWithBoundedParallelism() throws Exception {
        try (ServerSocket tcp = LoopbackPorts.tcpListener(LOOPBACK)) {
            int open = tcp.getLocalPort();
            int closed = LoopbackPorts.closedTcpPort(LOOPBACK);
            Run r = run(9, "", "-n", "127.0.0.1", "-nr", "-o", closed + "," + open + "," + closed, "-parallel", "2");
            assertThat(r.out()).containsSubsequence(
                    "TCP port " + closed + " (unknown service): NOT LISTENING",
                    "TCP port " + open + " (unknown service): LISTENING",
                    "TCP port " + closed + " (unknown service): NOT LISTENING");
            assertThat(r.code()).isEqualTo(ExitCodes.NOT_LISTENING);
        }
    }

    @Test
    void interactiveModeReadsCommandsFromStdin() throws Exception {
        try (ServerSocket tcp = LoopbackPorts.tcpListener(LOOPBACK)) {
            int open = tcp.getLocalPort();
            String script = "help\nnode 127.0.0.1\nset nr\nset port=" + open + "\nq\nset bogus=1\nfrobnicate\nset all\nexit\n";
            Run r = run(9, script, "-i");
            assertThat(r.out()).contains("Portqry Interactive Mode", "Default Node: 127.0.0.1");
            assertThat(r.out()).anySatisfy(l -> assertThat(l).contains("sql").contains("TCP 1433, UDP 1434"));
            assertThat(r.out()).anySatisfy(l -> assertThat(l).endsWith("TCP port " + open + " (unknown service): LISTENING"));
            assertThat(r.err()).contains("set: unknown option 'bogus'").contains("Unknown command 'frobnicate'");
            assertThat(r.code()).isZero();
        }
    }
}
