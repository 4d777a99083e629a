package dev.portqry.cli.local;

import dev.portqry.cli.ArgumentParser;
import dev.portqry.cli.Golden;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole local-mode transcripts against a made-up {@code /proc}: the lines, their order and
 * blank lines follow KB 832919's local-mode samples (see the golden files' headers).
 */
class LocalTranscriptTest {
    private static final String DATE = "Wed Dec  2 16:00:00 2026";
    private static final String HEAD = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    private static final String TAIL = " 00000000:00000000 00:00000000 00000000     0        0 ";

    @TempDir
    Path proc;

    @BeforeEach
    void fakeProc() throws IOException {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the tables below are a little-endian kernel's");
        Files.createDirectories(proc.resolve("net"));
        tcp(row(0, "00000000:0050", "00000000:0000", "0A", 1001),
                row(1, "0100007F:0050", "0100007F:C350", "06", 0),
                row(2, "0500000A:0016", "0900000A:C93A", "01", 1002),
                row(3, "00000000:0016", "00000000:0000", "0A", 1003),
                row(4, "0100007F:0050", "0100007F:C351", "08", 1001));
        Files.write(proc.resolve("net/tcp6"), List.of(HEAD,
                row(0, "00000000000000000000000000000000:1F90", "00000000000000000000000000000000:0000", "0A", 1004)));
        Files.write(proc.resolve("net/udp"), List.of(HEAD,
                row(0, "00000000:0035", "00000000:0000", "07", 1005),
                row(1, "0100007F:0143", "00000000:0000", "07", 1006)));
        Files.write(proc.resolve("net/udp6"), List.of(HEAD,
                row(0, "00000000000000000000000001000000:0035", "00000000000000000000000000000000:0000", "07", 1007)));
        process(100, "nginx", "0::/system.slice/nginx.service", List.of(
                "55d0c0a00000-55d0c0a20000 r--p 00000000 08:01 1234       /usr/sbin/nginx",
                "55d0c0a20000-55d0c0a80000 r-xp 00020000 08:01 1234       /usr/sbin/nginx",
                "7f3a2b400000-7f3a2b428000 r--p 00000000 08:01 77         /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7ffd1c2de000-7ffd1c2ff000 rw-p 00000000 00:00 0          [stack]"), 1001);
        process(200, "sshd", "0::/user.slice", null, 1002, 1003);
        process(300, "java", "0::/user.slice/user-1000.slice/session-2.scope", List.of(
                "7f0000000000-7f0000001000 r--p 00000000 08:01 9          /opt/jdk/bin/java"), 1004);
        process(400, "named", "0::/system.slice/named.service", List.of(), 1005, 1007);
    }

    private static String row(int sl, String local, String remote, String state, long inode) {
        return "   " + sl + ": " + local + " " + remote + " " + state + TAIL + inode + " 1 0000000000000000 100 0 0 10 0";
    }

    private void tcp(String... rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEAD);
        lines.addAll(List.of(rows));
        Files.write(proc.resolve("net/tcp"), lines);
    }

    private void process(long pid, String comm, String cgroup, List<String> maps, long... inodes) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/fd"));
        for (int i = 0; i < inodes.length; i++) {
            Files.createSymbolicLink(dir.resolve(String.valueOf(i + 3)), Path.of("socket:[" + inodes[i] + "]"));
        }
        Files.writeString(proc.resolve(pid + "/comm"), comm + "\n", StandardCharsets.UTF_8);
        Files.writeString(proc.resolve(pid + "/cgroup"), cgroup + "\n", StandardCharsets.UTF_8);
        if (maps != null) {
            Files.write(proc.resolve(pid + "/maps"), maps);
        }
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void local() throws IOException {
        List<String> out = new ArrayList<>();
        new LocalMode(out::add, () -> false, () -> "escape key pressed", () -> DATE, proc).run(ArgumentParser.parse(List.of("-local")));
        Golden.assertMatches("local", text(out), Golden.none());
    }

    @Test
    void localVerbose() throws IOException {
        List<String> out = new ArrayList<>();
        new LocalMode(out::add, () -> false, () -> "escape key pressed", () -> DATE, proc)
                .run(ArgumentParser.parse(List.of("-local", "-v")));
        Golden.assertMatches("local-v", text(out), Golden.none());
    }

    @Test
    void watchPortRedumpsOnChangeUntilEscape() throws IOException {
        List<String> out = new ArrayList<>();
        AtomicBoolean changed = new AtomicBoolean();
        LocalMode mode = new LocalMode(out::add, () -> {
            if (changed.compareAndSet(false, true)) {
                try {
                    // A client connects to port 80 after the first dump.
                    tcp(row(0, "00000000:0050", "00000000:0000", "0A", 1001),
                            row(1, "0500000A:0050", "0900000A:D000", "01", 1001));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return out.stream().filter(l -> l.startsWith("System Date")).count() >= 2;
        }, () -> "escape key pressed", () -> DATE, proc);
        mode.run(ArgumentParser.parse(List.of("-wport", "80", "-wt", "1", "-v")));
        Golden.assertMatches("wport-v", text(out), Golden.none());
    }

    @Test
    void watchPidStopsOnCtrlC() throws IOException {
        List<String> out = new ArrayList<>();
        new LocalMode(out::add, () -> true, () -> "Ctrl+C pressed", () -> DATE, proc)
                .run(ArgumentParser.parse(List.of("-wpid", "400", "-wt", "2")));
        Golden.assertMatches("wpid", text(out), Golden.none());
    }
}
