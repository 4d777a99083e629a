package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import io.netty.util.internal.MacAddressUtil;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: what a hostile server, target file or typed command can make the CLI print. Runs the
 * CLI in process against loopback peers; the bytes of stdout, stderr and the {@code -l} log are
 * checked, not only their lines.
 */
class CliHostileInputTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String FORGED = "UDP port 161 is NOT LISTENING";

    @TempDir
    Path tmp;

    private static CliRun run(int echoPort, String stdin, String... args) {
        return CliRun.of(echoPort, stdin, args);
    }

    private static void assertNoControlBytes(String where, String text) {
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f))
                .as(where + ": control characters in\n" + text).isEmpty();
    }

    @Test
    void aReplyWithCrLfAndEscapesCannotForgeALineOnTheConsoleOrInTheLog() throws Exception {
        String reply = "pong\u001b[2J\u001b]0;owned\u0007\r\n" + FORGED + "\r\nsupportedLDAPVersion: 3\u007f";
        Path log = tmp.resolve("run.log");
        try (LoopbackPeer peer = LoopbackPeer.udp(LOOPBACK,
                in -> reply.getBytes(StandardCharsets.US_ASCII))) {
            int p = peer.port();
            CliRun r = run(p, "", "-n", "127.0.0.1", "-p", "udp", "-e", String.valueOf(p), "-nr", "-l", log.toString());
            assertThat(r.code()).isZero();
            assertThat(r.outLines()).contains("reply: pong\\x1b[2J\\x1b]0;owned\\x07\\r\\n" + FORGED
                    + "\\r\\nsupportedLDAPVersion: 3\\x7f");
            String logText = Files.readString(log);
            for (String text : List.of(r.out(), logText)) {
                assertNoControlBytes("output", text);
                assertThat(text.lines()).doesNotContain(FORGED, "supportedLDAPVersion: 3");
            }
        }
    }

    @Test
    void aNewlineInMinusNGivesOneErrorLine() {
        CliRun r = run(9, "", "-n", "127.0.0.1\nportqry: forged", "-nr");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).containsExactly(
                "portqry: -n must be host names or IP addresses, was '127.0.0.1\\nportqry: forged' (exit code 3)");
    }

    @Test
    void aTargetFileOfSecretsIsRefusedQuotingOneLineCutAt80Characters() throws Exception {
        Path shadow = tmp.resolve("shadow");
        String first = "root:$6$" + "A".repeat(120) + ":19000:0:99999:7:::";
        Files.writeString(shadow, "# comment\n\n" + first + "\ndaemon:*:19000:0:99999:7:::\n\u001b]0;x\u0007\n");
        CliRun r = run(9, "", "-n", "@" + shadow, "-nr");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().satisfies(l -> {
            assertThat(l).startsWith("portqry: -n @" + shadow + ": line 3 is not a host name or IP address: '"
                    + first.substring(0, TargetList.MAX_QUOTED) + "...'");
            assertThat(l).doesNotContain("daemon");
        });
    }

    @Test
    void aTargetFileIsReadUpToOneMebibyte() throws Exception {
        Path big = tmp.resolve("big");
        byte[] bytes = new byte[TargetList.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(bytes, (byte) 'a');
        Files.write(big, bytes);
        CliRun r = run(9, "", "-n", "@" + big, "-nr");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).containsExactly("portqry: -n @" + big + ": the target file is larger than 1 MiB (exit code 3)");
    }

    @Test
    void aTargetFileHoldsAtMostTenThousandTargets() throws Exception {
        Path many = tmp.resolve("many");
        Files.write(many, Collections.nCopies(TargetList.MAX_TARGETS + 1, "127.0.0.1"));
        CliRun r = run(9, "", "-n", "@" + many, "-nr");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).containsExactly("portqry: -n @" + many + ": more than 10000 targets (exit code 3)");
        Files.write(many, Collections.nCopies(TargetList.MAX_TARGETS, "127.0.0.1"));
        assertThat(ArgumentParser.targets("@" + many)).hasSize(TargetList.MAX_TARGETS);
        assertThat(ArgumentParser.targets("::1,[::1],fe80::1%lo,dc1.corp.example.test,_ldap._tcp.dc,b\u00fccher.example"))
                .hasSize(6);
    }

    @Test
    void theLogNeverFollowsASymbolicLinkEvenWithMinusY() throws Exception {
        Path target = tmp.resolve("victim");
        Path dangling = tmp.resolve("dangling.log");
        Files.createSymbolicLink(dangling, target);
        CliRun r = run(9, "", "-n", "127.0.0.1", "-nr", "-e", "9", "-l", dangling.toString(), "-y");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).containsExactly("portqry: -l " + dangling
                + ": is a symbolic link; the log file is never written through a link (exit code 3)");
        assertThat(target).doesNotExist();

        Files.writeString(target, "precious\n");
        Path link = tmp.resolve("link.log");
        Files.createSymbolicLink(link, target);
        assertThat(run(9, "", "-n", "127.0.0.1", "-nr", "-e", "9", "-l", link.toString(), "-y").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run(9, "", "-n", "127.0.0.1", "-nr", "-e", "9", "-q", "-l", link.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(target)).isEqualTo("precious\n");
    }

    @Test
    void interactiveModeEscapesWhatItEchoes() {
        String script = "x\u001b[2J\u001b]0;x\u0007y\nnode a\u0085b\nset cn=!\u001b[31mred!\nexit\n";
        CliRun r = run(9, script, "-i", "-n", "127.0.0.1");
        assertThat(r.err().lines()).containsExactly(
                "Unknown command 'x\\x1b[2J\\x1b]0;x\\x07y'; type help for the commands",
                "node must be a host name or IP address, was 'a\\u0085b'");
        assertNoControlBytes("stdout", r.out());
        assertNoControlBytes("stderr", r.err());
    }

    @Test
    void theCliGivesNettyAMachineIdAndKeepsOneGivenToIt() {
        String before = System.getProperty(PortQry.NETTY_MACHINE_ID);
        try {
            System.clearProperty(PortQry.NETTY_MACHINE_ID);
            PortQry.setNettyMachineId();
            String id = System.getProperty(PortQry.NETTY_MACHINE_ID);
            assertThat(MacAddressUtil.parseMAC(id)).hasSize(8);
            System.setProperty(PortQry.NETTY_MACHINE_ID, "02:00:00:00:00:01");
            PortQry.setNettyMachineId();
            assertThat(System.getProperty(PortQry.NETTY_MACHINE_ID)).isEqualTo("02:00:00:00:00:01");
        } finally {
            if (before == null) {
                System.clearProperty(PortQry.NETTY_MACHINE_ID);
            } else {
                System.setProperty(PortQry.NETTY_MACHINE_ID, before);
            }
        }
    }
}
