package dev.portqry.cli;

import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import dev.portqry.core.PortProbe;
import dev.portqry.core.ServiceNames;
import dev.portqry.core.spi.ResponderRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole transcripts of the CLI in process against loopback sockets, byte for byte against
 * {@code golden/cli/loopback-*.txt}, for the modes that need no real peer: lists and blank
 * lines between ports, an extra responder's block ending with its status, the {@code -q -l}
 * log, interactive mode and {@code -sp} with a port in use. Loopback ports are masked.
 */
class CliTranscriptTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    private static String run(int echoPort, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PortQry cli = new PortQry(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                null, false)
                .probes(() -> PortProbe.builder()
                        .responders(ResponderRegistry.builder().add(new EchoTestResponder(echoPort)).build()).build());
        cli.run(args);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static UnaryOperator<String> ports(int... ports) {
        return s -> {
            String m = s.replaceAll("System Date: [^\n]*", "System Date: <DATE>").replace(" " + LocalHost.name() + "\n", " <COMPUTER>\n");
            for (int i = 0; i < ports.length; i++) {
                m = m.replaceAll("\\b" + ports[i] + "\\b", "<PORT" + (i + 1) + ">");
            }
            return m;
        };
    }

    @Test
    void listOfTcpPortsWithoutReverseLookup() throws Exception {
        try (ServerSocket open = LoopbackPorts.tcpListener(LOOPBACK)) {
            int closed = LoopbackPorts.closedTcpPort(LOOPBACK);
            String out = run(9, "", "-n", "127.0.0.1", "-nr", "-o", open.getLocalPort() + "," + closed);
            Golden.assertMatches("loopback-list-nr", out, ports(open.getLocalPort(), closed));
        }
    }

    @Test
    void extraResponderBlockEndsWithItsStatus() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.udp(LOOPBACK, in -> "pong".getBytes(StandardCharsets.US_ASCII));
             ServerSocket tcp = LoopbackPorts.tcpListener(LOOPBACK)) {
            int p = peer.port();
            String out = run(p, "", "-n", "127.0.0.1", "-nr", "-p", "udp", "-e", String.valueOf(p));
            Golden.assertMatches("loopback-udp-extra", out, ports(p));
        }
    }

    @Test
    void quietLog() throws Exception {
        try (ServerSocket open = LoopbackPorts.tcpListener(LOOPBACK)) {
            Path log = dir.resolve("pqlog.txt");
            run(9, "", "-n", "127.0.0.1", "-e", String.valueOf(open.getLocalPort()), "-nr", "-l", log.toString(), "-q");
            Golden.assertMatches("loopback-log-q", Files.readString(log, StandardCharsets.UTF_8),
                    ports(open.getLocalPort()).andThen(s -> s.replace(log.toString(), "pqlog.txt"))::apply);
        }
    }

    @Test
    void interactiveSession() throws Exception {
        try (ServerSocket open = LoopbackPorts.tcpListener(LOOPBACK)) {
            int p = open.getLocalPort();
            String out = run(9, "set nr\nset port=" + p + "\nq\nset nr\nset nr\nset sl\nset sl\nset p=both\nset sp=0\nset all\nexit\n",
                    "-i");
            Golden.assertMatches("loopback-interactive", out, ports(p));
        }
    }

    /**
     * A UDP helper PortQry has, on a loopback peer that answers only the helper's query (so step 1
     * is LISTENING or FILTERED, as in the samples); the services file names the peer's port after
     * the service, so the query goes there (PortQry's remapping).
     */
    private static void udpHelper(String golden, String service, UnaryOperator<byte[]> peerReply) throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.udp(LOOPBACK, peerReply)) {
            int p = peer.port();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PortQry(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), null, false)
                    .probes(() -> PortProbe.builder().serviceNames(ServiceNames.parse(List.of(service + " " + p + "/udp"), "test")).build())
                    .run("-n", "127.0.0.1", "-nr", "-p", "udp", "-e", String.valueOf(p), "-udpwait", "300");
            Golden.assertMatches(golden, out.toString(StandardCharsets.UTF_8),
                    ports(p).andThen(t -> t.replaceAll("portqry-probe-[0-9a-f]+", "portqry-probe-<RANDOM>"))::apply);
        }
    }

    @Test
    void sqlServerBrowserBlock() throws Exception {
        byte[] reply = replyHex("reply-mcsqlr-one-instance.hex");
        udpHelper("loopback-udp-1434", "ms-sql-m", in -> in.length == 1 && in[0] == 3 ? reply : null);
    }

    @Test
    void tftpBlock() throws Exception {
        byte[] reply = reply("reply-tftp-error-file-not-found.bin");
        udpHelper("loopback-udp-69", "tftp", in -> in.length > 2 && in[0] == 0 && in[1] == 1 ? reply : null);
    }

    @Test
    void silentL2tpPeerIsFiltered() throws Exception {
        udpHelper("loopback-udp-1701-filtered", "l2tp", in -> null);
    }

    private static byte[] reply(String name) throws Exception {
        try (var in = CliTranscriptTest.class.getResourceAsStream("/golden/cli/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] replyHex(String name) throws Exception {
        try (var in = CliTranscriptTest.class.getResourceAsStream("/golden/cli/" + name)) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                hex.append(line.replaceAll("#.*", "").replaceAll("\\s", ""));
            }
            return HexFormat.of().parseHex(hex);
        }
    }

    @Test
    void sourcePortInUse() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0);
             LoopbackPeer peer = LoopbackPeer.udp(LOOPBACK, in -> null)) {
            String out = run(9, "", "-n", "127.0.0.1", "-nr", "-p", "udp", "-e", String.valueOf(peer.port()),
                    "-sp", String.valueOf(taken.getLocalPort()));
            Golden.assertMatches("loopback-sp-in-use", out, ports(peer.port(), taken.getLocalPort()));
        }
    }
}
