package dev.portqry.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static List<String> runChild(List<String> prefix, String fault) throws IOException, InterruptedException {
        FirewalledNamespace.Child c = FirewalledNamespace.java(prefix, FaultChild.class.getName(), fault);
        assertThat(c.exitCode()).as("child exit; output:%n%s", String.join("\n", c.lines())).isZero();
        return c.lines();
    }

    /** One CELL line: entry, fault, outcome, ms, deadline ms, fds before, fds after, warnings[, first warning]. */
    private static List<String[]> cells(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("CELL\t") && !l.startsWith("CELL\tresolve")).map(l -> l.split("\t")).toList();
    }

    /** The resolve row: completed (resolved from the hosts file or the JVM's cache, or a typed failure), nothing logged. */
    private static void resolveCellCompleted(List<String> lines) {
        String[] c = lines.stream().filter(l -> l.startsWith("CELL\tresolve")).findFirst().orElseThrow().split("\t");
        assertThat(c[3]).as(String.join(" | ", c)).matches("resolved .*|failed UnresolvedTargetException: .*");
        assertThat(c[8]).as("logged above DEBUG: %s", String.join(" | ", c)).isEqualTo("0");
    }

    @Test
    void socketCreationFailingIsATypedFailureAtEveryEntryPoint() throws Exception {
        Assumptions.assumeTrue(FirewalledNamespace.onPath("prlimit") && Files.isDirectory(Path.of("/proc/self/fd")), "needs prlimit and /proc (Linux)");
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
        resolveCellCompleted(lines);
    }

    @Test
    void moreConcurrentProbesThanDescriptorsAllComplete() throws Exception {
        Assumptions.assumeTrue(FirewalledNamespace.onPath("prlimit") && Files.isDirectory(Path.of("/proc/self/fd")), "needs prlimit and /proc (Linux)");
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
        Assumptions.assumeTrue(FirewalledNamespace.available(),
                "needs root, ip and nft: it makes a network namespace with an nftables OUTPUT drop");
        try (FirewalledNamespace ns = FirewalledNamespace.create()) {
            List<String> lines = runChild(ns.exec(), "firewall");
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
            resolveCellCompleted(lines);
        }
    }
}
