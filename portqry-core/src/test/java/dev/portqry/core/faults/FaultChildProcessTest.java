package dev.portqry.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix cells that need real kernel faults, each in a child JVM ({@link FaultChild}):
 * socket creation failing under a low RLIMIT_NOFILE ({@code prlimit}), and a send refused by an
 * nftables OUTPUT drop in a network namespace this test creates (uniquely named, removed after;
 * needs root, skipped otherwise). Only the child's loopback is used.
 */
class FaultChildProcessTest {
    private static final String[] NOFILE = {"prlimit", "--nofile=400:400"};

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    private static List<String> runChild(List<String> prefix, String fault) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dio.netty.machineId=02:00:00:00:00:01"); // a namespace with only lo has no MAC to derive one from
        cmd.add(FaultChild.class.getName());
        cmd.add(fault);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("child ended").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("child exit; output:%n%s", text).isZero();
        return text.lines().toList();
    }

    /** One CELL line: entry, fault, outcome, ms, deadline ms, fds before, fds after, warnings[, first warning]. */
    private static List<String[]> cells(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("CELL\t")).map(l -> l.split("\t")).toList();
    }

    @Test
    void socketCreationFailingIsATypedFailureAtEveryEntryPoint() throws Exception {
        Assumptions.assumeTrue(onPath("prlimit") && Files.isDirectory(Path.of("/proc/self/fd")), "needs prlimit and /proc (Linux)");
        List<String> lines = runChild(List.of(NOFILE), "emfile");
        List<String[]> cells = cells(lines);
        assertThat(cells).as(String.join("\n", lines)).hasSize(8);
        for (String[] c : cells) {
            assertThat(c[3]).as(String.join(" | ", c)).startsWith("failed PortQryException: could not create a").contains("Too many open files");
            assertThat(c[8]).as("logged above DEBUG: %s", String.join(" | ", c)).isEqualTo("0");
        }
        String[] fds = lines.stream().filter(l -> l.startsWith("DESCRIPTORS\t")).findFirst().orElseThrow().split("\t");
        assertThat(Long.parseLong(fds[2])).as("descriptors after the matrix").isLessThanOrEqualTo(Long.parseLong(fds[1]));
        assertThat(lines).contains("AFTER NOT_LISTENING");
    }

    @Test
    void moreConcurrentProbesThanDescriptorsAllComplete() throws Exception {
        Assumptions.assumeTrue(onPath("prlimit") && Files.isDirectory(Path.of("/proc/self/fd")), "needs prlimit and /proc (Linux)");
        List<String> lines = runChild(List.of(NOFILE), "flood");
        String[] f = lines.stream().filter(l -> l.startsWith("FLOOD\t")).findFirst().orElseThrow().split("\t");
        String all = String.join(" | ", f);
        assertThat(f[4]).as(all).isEqualTo("other=0");
        int status = Integer.parseInt(f[2].substring("status=".length()));
        int typed = Integer.parseInt(f[3].substring("PortQryException=".length()));
        assertThat(status + typed).as(all).isEqualTo(5000);
        assertThat(Long.parseLong(f[7])).as("descriptors after: " + all).isLessThanOrEqualTo(Long.parseLong(f[6]));
        assertThat(f[8]).as("logged above DEBUG: " + all).isEqualTo("0");
    }

    @Test
    void aSendRefusedByTheLocalFirewallIsFilteredAtEveryEntryPoint() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && onPath("ip") && onPath("nft"),
                "needs root, ip and nft: it makes a network namespace with an nftables OUTPUT drop");
        String ns = "pqfault-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        try {
            sh("ip", "netns", "add", ns);
            sh("ip", "-n", ns, "link", "set", "lo", "up");
            sh("ip", "netns", "exec", ns, "nft", "add table inet pqfault; "
                    + "add chain inet pqfault out { type filter hook output priority 0; policy accept; }; "
                    + "add rule inet pqfault out meta l4proto { tcp, udp } drop");
            List<String> lines = runChild(List.of("ip", "netns", "exec", ns), "firewall");
            List<String[]> cells = cells(lines);
            assertThat(cells).as(String.join("\n", lines)).hasSize(8);
            for (String[] c : cells) {
                String all = String.join(" | ", c);
                assertThat(c[3]).as(all).contains("FILTERED");
                if (c[1].endsWith("UDP")) {
                    assertThat(c[3]).as(all).contains("operation not permitted");
                }
                assertThat(Long.parseLong(c[7])).as("descriptors after: " + all).isLessThanOrEqualTo(Long.parseLong(c[6]));
                assertThat(c[8]).as("logged above DEBUG: " + all).isEqualTo("0");
            }
        } finally {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", cmd), out).isZero();
    }
}
