package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.testbed.Testbed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole transcripts of the shaded jar against the testbed's real peers, compared byte for byte
 * with {@code src/test/resources/golden/cli/*.txt}; each golden file's header names the
 * Microsoft sample whose line structure it follows. Values that change between runs (dates,
 * the DC's USN, Samba's dynamic RPC ports, the local computer's name) are masked first.
 */
class CliTranscriptIT {
    private static final Path JAR = Path.of("target", "portqry.jar");

    @TempDir
    static Path dir;
    private static Path hosts;
    private static Testbed tb;

    @BeforeAll
    static void setUp() throws IOException {
        tb = Testbed.require();
        assertThat(JAR).as("the shaded jar, built in package").exists();
        hosts = dir.resolve("hosts");
        Files.writeString(hosts, tb.get("dc.address") + " " + tb.get("dc.fqdn") + "\n");
    }

    private static String run(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-jar", JAR.toString()));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> out = read(p.getInputStream());
        read(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("portqry finished").isTrue();
        return out.get();
    }

    private static CompletableFuture<String> read(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(s.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Dates, the DC's update number, Samba's dynamic RPC ports, this computer's name. */
    private static UnaryOperator<String> mask(String... more) {
        return s -> {
            String m = s.replaceAll("System Date: [^\n]*", "System Date: <DATE>")
                    .replaceAll("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d", "<DATE>")
                    .replaceAll("currentTime: [^\n]*", "currentTime: <TIME>")
                    .replaceAll("highestCommittedUSN: \\d+", "highestCommittedUSN: <USN>")
                    .replaceAll("\\b610\\d\\d\\b", "<RPCPORT>")
                    .replaceAll("\\w{3}, \\d\\d? \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}", "<DATE>")
                    .replaceAll("MAC address [0-9a-f]{12}", "MAC address <MAC>")
                    .replaceAll("(sysDescr|sysUpTime)\\.0 = [^\n]*", "$1.0 = <VALUE>")
                    .replaceAll("(Server time|Server GUID): [^\n]*", "$1: <VALUE>")
                    .replace(" " + LocalHost.name() + "\n", " <COMPUTER>\n");
            for (int i = 0; i + 1 < more.length; i += 2) {
                m = m.replace(more[i], more[i + 1]);
            }
            return m;
        };
    }

    private static void wellKnown(String key, int port) {
        Assumptions.assumeTrue(tb.port(key) == port, key + " moved off its well-known port: the golden file names " + port);
    }

    @Test
    void cldapByName() throws Exception {
        Golden.assertMatches("udp-389-name", run("", "-n", tb.get("dc.fqdn"), "-p", "udp", "-e", "389"), mask());
    }

    @Test
    void ldapByAddressWithReverseLookup() throws Exception {
        Golden.assertMatches("tcp-389-ip", run("", "-n", tb.get("dc.address"), "-e", "389"), mask());
    }

    @Test
    void endpointMapper() throws Exception {
        Golden.assertMatches("tcp-135", run("", "-n", tb.get("dc.address"), "-nr", "-e", "135"),
                mask().andThen(CliTranscriptIT::sortEndpoints)::apply);
    }

    /**
     * Samba's processes register their endpoints in whatever order they start: the entries are
     * put in text order (each entry whole, with its blank line) so the transcript is stable.
     */
    private static String sortEndpoints(String s) {
        int from = s.indexOf("Server's response:\n\n");
        int to = s.indexOf("Total endpoints found:");
        if (from < 0 || to < from) {
            return s;
        }
        from += "Server's response:\n\n".length();
        List<String> entries = new ArrayList<>(List.of(s.substring(from, to).split("(?<=\n\n)")));
        entries.sort(null);
        return s.substring(0, from) + String.join("", entries) + s.substring(to);
    }

    @Test
    void dnsOverBoth() throws Exception {
        Golden.assertMatches("dns-both", run("", "-n", tb.get("dc.address"), "-nr", "-p", "both", "-e", "53"), mask());
    }

    @Test
    void netbios() throws Exception {
        Golden.assertMatches("udp-137", run("", "-n", tb.get("dc.address"), "-nr", "-p", "udp", "-e", "137"), mask());
    }

    @Test
    void snmpWithCommunity() throws Exception {
        wellKnown("snmp.port", 161);
        Golden.assertMatches("udp-161", run("", "-n", tb.get("snmp.address"), "-nr", "-p", "udp", "-e", "161",
                "-cn", "!" + tb.get("snmp.community") + "!"), mask());
    }

    @Test
    void ftp() throws Exception {
        wellKnown("ftp.port", 21);
        Golden.assertMatches("tcp-21", run("", "-n", tb.get("ftp.address"), "-nr", "-e", "21"), mask());
    }

    @Test
    void mailList() throws Exception {
        wellKnown("smtp.port", 25);
        wellKnown("pop3.port", 110);
        wellKnown("imap.port", 143);
        Golden.assertMatches("tcp-mail-list", run("", "-n", tb.get("smtp.address"), "-nr", "-o", "25,110,143"), mask());
    }

    @Test
    void smbExtrasEndWithTheStatus() throws Exception {
        Golden.assertMatches("tcp-445", run("", "-n", tb.get("dc.address"), "-nr", "-e", "445"), mask());
    }

    @Test
    void rangeOnTheNamespace() throws Exception {
        Golden.assertMatches("range", run("", "-n", tb.get("ns.address"), "-nr", "-r", "7079:7081"), mask());
    }

    @Test
    void bothOnTheNamespace() throws Exception {
        Golden.assertMatches("both-list", run("", "-n", tb.get("ns.address"), "-nr", "-p", "both", "-o", "7080,7081",
                "-udpwait", "500"), mask());
    }

    @Test
    void quietLog() throws Exception {
        Path log = dir.resolve("pqlog.txt");
        String out = run("", "-n", tb.get("dc.address"), "-e", "389", "-nr", "-l", log.toString(), "-q");
        assertThat(out).isEmpty();
        Golden.assertMatches("log-q", Files.readString(log, StandardCharsets.UTF_8), mask(log.toString(), "pqlog.txt"));
    }

    @Test
    void interactive() throws Exception {
        Golden.assertMatches("interactive", run("set nr\nq dns\nset nr\nset sl\nset sl\nset port=389\nset all\nq\nn "
                + tb.get("dc.fqdn") + "\nq smtp\nexit\n", "-i", "-n", tb.get("dc.address")), mask());
    }

    @Test
    void sourcePortInUse() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0)) {
            int sp = taken.getLocalPort();
            Golden.assertMatches("sp-in-use", run("", "-n", tb.get("dc.address"), "-nr", "-p", "udp", "-e", "53",
                    "-sp", String.valueOf(sp)), mask());
        }
    }
}
