package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.portqry.testbed.Testbed;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the shaded {@code target/portqry.jar} as a process (failsafe, after {@code package}) and
 * checks its lines and exit codes. Names resolve through a hosts file of the test's own
 * ({@code jdk.net.hosts.file}), so no lookup leaves the machine.
 */
class PortQryJarIT {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Path JAR = Path.of("target", "portqry.jar");

    @TempDir
    static Path dir;
    private static Path hosts;

    private record Run(int code, List<String> out, List<String> err) {
    }

    @BeforeAll
    static void hostsFile() throws IOException {
        assertThat(JAR).as("the shaded jar, built in package").exists();
        hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 pq-loopback.test\n");
    }

    private static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-jar", JAR.toString()));
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).start();
    }

    private static Run runWithInput(String stdin, String... args) throws Exception {
        Process p = start(args);
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("portqry finished").isTrue();
        return new Run(p.exitValue(), lines(out.get()), lines(err.get()));
    }

    private static Run run(String... args) throws Exception {
        return runWithInput("", args);
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

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\r?\n"));
    }

    /**
     * Issue 15: in a network namespace with only loopback (made here with {@code unshare -rn}, no
     * root needed), Netty found no hardware address and printed a {@code MacAddressUtil} WARN on
     * every run; the CLI now gives Netty a machine id before it loads.
     */
    @Test
    void aNamespaceWithOnlyLoopbackPrintsNoNettyWarning() throws Exception {
        Process probe = new ProcessBuilder("unshare", "-rn", "ip", "link", "set", "lo", "up").redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "unshare -rn (or ip) is not available here");
        // $0 is the java binary, the rest its arguments: no quoting of paths through the shell.
        List<String> cmd = new ArrayList<>(List.of("unshare", "-rn", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString(),
                "-n", "127.0.0.1", "-nr", "-e", "80", "-tcptries", "1", "-tcpwait", "200"));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("portqry finished").isTrue();
        assertThat(out.get()).contains("TCP port 80 (http service): NOT LISTENING");
        assertThat(err.get()).doesNotContain("MacAddressUtil").doesNotContain("WARN");
    }

    @Test
    void listeningTcpPortByNameExitsZero() throws Exception {
        try (ServerSocket s = LoopbackPorts.tcpListener(LOOPBACK)) {
            Run r = run("-n", "pq-loopback.test", "-e", String.valueOf(s.getLocalPort()));
            assertThat(r.out()).containsSubsequence("Querying target system called:", "", " pq-loopback.test", "",
                    "Attempting to resolve name to IP address...", "", "Name resolved to 127.0.0.1", "", "querying...", "",
                    "TCP port " + s.getLocalPort() + " (unknown service): LISTENING");
            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isEqualTo(0);
        }
    }

    @Test
    void ipTargetIsResolvedBackUnlessNr() throws Exception {
        int closed = LoopbackPorts.closedTcpPort(LOOPBACK);
        Run r = run("-n", "127.0.0.1", "-e", String.valueOf(closed));
        assertThat(r.out()).containsSubsequence("Attempting to resolve IP address to a name...", "",
                "IP address resolved to pq-loopback.test", "", "querying...");
        assertThat(r.out()).contains("TCP port " + closed + " (unknown service): NOT LISTENING");
        assertThat(r.code()).isEqualTo(1);
        Run nr = run("-n", "127.0.0.1", "-e", String.valueOf(closed), "-nr");
        assertThat(nr.out()).doesNotContain("Attempting to resolve IP address to a name...");
    }

    @Test
    void silentUdpPortIsListeningOrFilteredExitTwo() throws Exception {
        try (LoopbackPeer silent = LoopbackPeer.udp(LOOPBACK, in -> null)) {
            Run r = run("-n", "127.0.0.1", "-nr", "-p", "udp", "-e", String.valueOf(silent.port()), "-udpwait", "300");
            assertThat(r.out()).contains("UDP port " + silent.port() + " (unknown service): LISTENING or FILTERED");
            assertThat(r.code()).isEqualTo(2);
        }
    }

    @Test
    void droppedTcpPortIsFilteredExitTwo() throws Exception {
        Testbed tb = Testbed.require();
        String addr = tb.get("ns.address");
        int port = tb.port("ns.tcp.drop");
        Run r = run("-n", addr, "-nr", "-e", String.valueOf(port), "-tcpwait", "300");
        assertThat(r.out()).contains("TCP port " + port + " (" + serviceOrUnknown(port) + " service): FILTERED");
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    void endpointMapperDumpThenEveryDynamicPortOfTheDomainController() throws Exception {
        Testbed tb = Testbed.require();
        Run r = run("-n", tb.get("dc.address"), "-nr", "-e", "135", "-rpcports");
        assertThat(r.out()).contains("Querying Endpoint Mapper Database...", "==== End of RPC Endpoint Mapper query response ====",
                "==== End of dynamic RPC port check ====");
        assertThat(r.out()).anyMatch(l -> l.startsWith("Total endpoints found: "));
        int low = tb.port("dc.rpc.dynamic.low");
        int high = tb.port("dc.rpc.dynamic.high");
        List<String> dynamic = r.out().stream()
                .filter(l -> l.matches("TCP port \\d+ \\(.*\\): .*"))
                .filter(l -> {
                    int p = Integer.parseInt(l.split(" ")[2]);
                    return p >= low && p <= high;
                })
                .toList();
        assertThat(dynamic).isNotEmpty().allMatch(l -> l.endsWith(": LISTENING"));
        assertThat(r.code()).isZero();
    }

    @Test
    void kerberosQueryOfAnAddressLearnsTheRealmFromTheRootDse() throws Exception {
        Testbed tb = Testbed.require();
        Run r = run("-n", tb.get("dc.address"), "-nr", "-p", "udp", "-e", "88");
        assertThat(r.out()).anyMatch(l -> l.startsWith("Realm requested: " + tb.get("dc.realm")));
        assertThat(r.out()).contains("UDP port 88 is LISTENING");
    }

    @Test
    void eptMapFindsDrsuapiThroughASetting() throws Exception {
        Testbed tb = Testbed.require();
        Run r = run("-n", tb.get("dc.address"), "-nr", "-e", "135", "-set", "msrpc.map.interface=DRSUAPI");
        assertThat(String.join("\n", r.out())).containsIgnoringCase("drsuapi").contains("ncacn_ip_tcp");
        assertThat(r.code()).isZero();
    }

    private static String serviceOrUnknown(int port) {
        return dev.portqry.core.ServiceNames.system().name(dev.portqry.core.Protocol.TCP, port).orElse("unknown");
    }

    @Test
    void quietPrintsNothingAndSeveralPortsTakeTheHighestCode() throws Exception {
        try (ServerSocket s = LoopbackPorts.tcpListener(LOOPBACK)) {
            Run q = run("-n", "127.0.0.1", "-nr", "-e", String.valueOf(s.getLocalPort()), "-q");
            assertThat(q.out()).isEmpty();
            assertThat(q.code()).isEqualTo(0);
            int closed = LoopbackPorts.closedTcpPort(LOOPBACK);
            Run two = run("-n", "127.0.0.1", "-nr", "-o", s.getLocalPort() + "," + closed);
            assertThat(two.code()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-n 127.0.0.1 -bogus        | -bogus",
            "-n 127.0.0.1 -e            | -e",
            "-n 127.0.0.1 -e 0          | -e port must be 1-65535",
            "-n 127.0.0.1 -e 70000      | -e port must be 1-65535",
            "-n 127.0.0.1 -r 9:2        | -r start must be below end",
            "-n 127.0.0.1 -r 1:9 -q     | -q is only valid with -e",
            "-n 127.0.0.1 -e 1 -o 2     | exclude each other",
            "-n 127.0.0.1 -p sctp       | -p must be tcp, udp or both",
            "-e 80                      | -n <name> is required",
            "-wport 80 -wt 5000         | -wt seconds must be 1-1200",
            "-n 127.0.0.1 -cn !unclosed | -cn value has no closing !",
    })
    void badOptionsGiveOneLineAndExitThree(String line, String argument) throws Exception {
        Run r = run(line.trim().split("\\s+"));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).hasSize(1);
        assertThat(r.err().get(0)).startsWith("portqry: ").contains(argument.trim()).endsWith("(exit code 3)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unresolvableNameExitsFourAndOtherTargetsStillRun() throws Exception {
        Run r = run("-n", "nosuch.test", "-e", "80");
        assertThat(r.out()).containsSubsequence("Attempting to resolve name to IP address...", "", "Failed to resolve name to IP address");
        assertThat(r.err()).hasSize(1);
        assertThat(r.err().get(0)).contains("-n nosuch.test").endsWith("(exit code 4)");
        assertThat(r.code()).isEqualTo(4);
        try (ServerSocket s = LoopbackPorts.tcpListener(LOOPBACK)) {
            Run two = run("-n", "nosuch.test,127.0.0.1", "-nr", "-e", String.valueOf(s.getLocalPort()));
            assertThat(two.out()).contains("TCP port " + s.getLocalPort() + " (unknown service): LISTENING");
            assertThat(two.code()).isEqualTo(4);
        }
    }

    @Test
    void logFileFramingAndOverwriteRules() throws Exception {
        Path log = dir.resolve("run.log");
        int closed = LoopbackPorts.closedTcpPort(LOOPBACK);
        String[] args = {"-n", "127.0.0.1", "-nr", "-e", String.valueOf(closed), "-l", log.toString()};
        Run first = run(args);
        assertThat(first.code()).isEqualTo(1);
        List<String> text = Files.readAllLines(log);
        assertThat(text.get(0)).isEqualTo("PortQry Version 2.0 Log File");
        assertThat(text).anySatisfy(l -> assertThat(l).matches("System Date: \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"));
        assertThat(text).containsSubsequence("Command run:", " portqry " + String.join(" ", args), "", "Local computer name:");
        assertThat(text).contains("TCP port " + closed + " (unknown service): NOT LISTENING");
        assertThat(text.get(text.size() - 1)).isEqualTo("========= end of log file =========");

        Files.writeString(log, "keep me\n");
        Run refused = run(args);
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err()).hasSize(1);
        assertThat(refused.err().get(0)).contains("-l " + log).contains("-y");
        assertThat(Files.readString(log)).isEqualTo("keep me\n");

        List<String> withY = new ArrayList<>(List.of(args));
        withY.add("-y");
        Run overwritten = run(withY.toArray(String[]::new));
        assertThat(overwritten.code()).isEqualTo(1);
        assertThat(Files.readAllLines(log).get(0)).isEqualTo("PortQry Version 2.0 Log File");
    }

    @Test
    void interactiveModeFromStdin() throws Exception {
        try (ServerSocket s = LoopbackPorts.tcpListener(LOOPBACK)) {
            Run r = runWithInput("node 127.0.0.1\nset nr=on\nset e=" + s.getLocalPort() + "\nquery\nq nosuchshortcut\nexit\n", "-i");
            assertThat(r.out()).contains("Portqry Interactive Mode", "Default Node: 127.0.0.1");
            assertThat(r.out()).anySatisfy(l -> assertThat(l).endsWith("TCP port " + s.getLocalPort() + " (unknown service): LISTENING"));
            assertThat(r.err()).anySatisfy(l -> assertThat(l).contains("Unknown shortcut 'nosuchshortcut'"));
            assertThat(r.code()).isEqualTo(0);
        }
    }

    @Test
    void jsonLinesParse() throws Exception {
        try (ServerSocket s = LoopbackPorts.tcpListener(LOOPBACK)) {
            int closed = LoopbackPorts.closedTcpPort(LOOPBACK);
            Run r = run("-n", "pq-loopback.test", "-o", s.getLocalPort() + "," + closed, "-json");
            assertThat(r.out()).hasSize(2);
            JsonObject open = JsonParser.parseString(r.out().get(0)).getAsJsonObject();
            assertThat(open.get("target").getAsString()).isEqualTo("pq-loopback.test");
            assertThat(open.get("address").getAsString()).isEqualTo("127.0.0.1");
            assertThat(open.get("state").getAsString()).isEqualTo("LISTENING");
            assertThat(open.get("attempts").getAsInt()).isEqualTo(1);
            JsonObject shut = JsonParser.parseString(r.out().get(1)).getAsJsonObject();
            assertThat(shut.get("state").getAsString()).isEqualTo("NOT_LISTENING");
            assertThat(shut.get("reason").getAsString()).isNotBlank();
            assertThat(r.code()).isEqualTo(1);
        }
    }

    @Test
    void helpShowsDefaultsAndExitCodes() throws Exception {
        Run r = run("-?");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).anySatisfy(l -> assertThat(l).contains("-tcpwait").contains("(default: 1000)"));
        assertThat(r.out()).anySatisfy(l -> assertThat(l).contains("-wt").contains("(default: 60)"));
        assertThat(r.out()).anySatisfy(l -> assertThat(l).contains("4  a target name did not resolve"));
    }

    @Test
    void localModeFindsThisTestsPortAndPid() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (ServerSocket s = LoopbackPorts.tcpListener(LOOPBACK)) {
            String row = "TCP " + s.getLocalPort() + " 127.0.0.1 LISTENING 0.0.0.0:0";
            Run r = run("-local");
            assertThat(r.code()).isEqualTo(0);
            assertThat(r.out()).containsSubsequence("TCP/UDP Port Usage", "Port Statistics", "TCP/UDP Port to Process Mappings");
            assertThat(r.out()).contains(row);
            assertThat(r.out()).anySatisfy(l -> assertThat(l).matches("\\d+ active ports found"));
            assertThat(r.out()).anySatisfy(l -> assertThat(l).matches("\\d+ mappings found"));
            assertThat(r.out()).containsSubsequence("PID:Process Port Local IP State Remote IP:Port",
                    pid + ":" + processName(pid) + " " + row);
        }
    }

    @Test
    void watchPortSeesThisTestsSocketAndCtrlCLeavesTheLogIntact() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path log = dir.resolve("watch.log");
        try (ServerSocket s = LoopbackPorts.tcpListener(LOOPBACK)) {
            Process p = start("-wport", String.valueOf(s.getLocalPort()), "-wt", "120", "-l", log.toString(), "-y");
            StringBuffer out = new StringBuffer();
            Thread reader = new Thread(() -> {
                try {
                    p.getInputStream().transferTo(new OutputStream() {
                        @Override
                        public void write(int b) {
                            out.append((char) b);
                        }
                    });
                } catch (IOException e) {
                    // The process ended.
                }
            });
            reader.start();
            read(p.getErrorStream());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && !out.toString().contains("Process ID: " + pid)) {
                Thread.sleep(100);
            }
            assertThat(out.toString()).contains("Watching port: " + s.getLocalPort(), "Checking for changes every 120 seconds",
                    "Process ID: " + pid);
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
            List<String> text = Files.readAllLines(log);
            assertThat(text).contains(pid + " TCP " + s.getLocalPort() + " 127.0.0.1 LISTENING 0.0.0.0:0");
            assertThat(text).contains("Ctrl+C pressed: stopped watching port " + s.getLocalPort());
            assertThat(text.get(text.size() - 1)).isEqualTo("========= end of log file =========");
        }
    }

    private static String processName(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
    }
}
