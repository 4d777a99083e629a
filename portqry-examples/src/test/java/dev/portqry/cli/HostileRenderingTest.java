package dev.portqry.cli;

import static dev.portqry.cli.HostileValues.FORGED;
import static dev.portqry.cli.HostileValues.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.examples.custom.RedisPingResult;
import dev.portqry.protocols.ldap.RootDseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's escaping rule, proven on every result type there is: each {@link ResponderResult}
 * record of portqry-protocols (found on the class path, so a new responder is covered without
 * editing this test) and the example Redis responder is built with {@link HostileValues#HOSTILE}
 * in every text field, once per permitted subtype of its sealed fields, and rendered the way the
 * CLI renders it: {@link TextReport#port} through {@link Output} to the console, stderr and the
 * {@code -l} log. The bytes that come out may hold no control character but the renderer's own
 * line ends, no DEL, no C1 control, no bidi control and no line or paragraph separator; and no
 * forged line ({@code UDP port 161 is NOT LISTENING} after a CR/LF) stands as a line of its own.
 */
class HostileRenderingTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Enough to pick every permitted subtype of the widest sealed field (TftpPacket: 3). */
    private static final int VARIANTS = 3;

    @TempDir
    Path tmp;

    @Test
    void everyResultTypeRendersOnlySafeBytesOnConsoleStderrAndLog() throws Exception {
        List<Class<? extends ResponderResult>> types = resultTypes();
        assertThat(types).as("result types found").hasSizeGreaterThanOrEqualTo(15)
                .contains(RootDseResult.class, RedisPingResult.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path log = tmp.resolve("hostile.log");
        Output o = new Output(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        o.log(LogFile.open(log, List.of("-n", HOSTILE, "-l", log.toString()), true, null));
        TextReport.targetHeader(HOSTILE).forEach(o::line);
        TextReport.resolved(new ResolvedTarget(HOSTILE, true, List.of(LOOPBACK), Optional.of(HOSTILE)), true).forEach(o::line);
        int rendered = 0;
        for (Class<? extends ResponderResult> type : types) {
            for (int v = 0; v < VARIANTS; v++) {
                ResponderResult result = new HostileValues(v).instance(type);
                List<String> lines = TextReport.port(status(new ResponderOutcome.Answered(HOSTILE, result)), Optional.empty(), false);
                assertThat(String.join("\n", lines)).as(type.getSimpleName() + " reached the report").contains("\\x1b[2J");
                // The responders' own renderers escape too (a third-party one may not: the CLI still does).
                assertSafe(type.getSimpleName() + ".reportLines", String.join("\n", result.reportLines()));
                assertSafe(type.getSimpleName() + ".summary", result.summary());
                lines.forEach(o::line);
                rendered++;
            }
        }
        TextReport.port(status(new ResponderOutcome.Unparseable(HOSTILE, "DNS: " + HOSTILE, new byte[] {0x1b, 0x0d})),
                Optional.empty(), false).forEach(o::line);
        TextReport.port(status(new ResponderOutcome.NoReply(HOSTILE, HOSTILE)), Optional.empty(), false).forEach(o::line);
        o.error("portqry: -n " + HOSTILE + ": " + HOSTILE + " (exit code 4)");
        o.close();

        assertThat(rendered).isEqualTo(types.size() * VARIANTS);
        System.out.printf("escaping: %d result types x %d variants rendered to console, stderr and log, %,d bytes checked: %s%n",
                types.size(), VARIANTS, out.size() + err.size() + Files.size(log), types.stream().map(Class::getSimpleName).toList());
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("\\x1b[2J\\x1b[H\\x07\\x1b]0;pwned\\x07\\r\\nUDP port 161 is NOT LISTENING\\r"
                + "supportedLDAPVersion: 3\\n\\u009b31m\\u009d0;t\\u0085\\x7f\\u202eevil\\u2028\\u2029\\x00\\t\\ud800end");
        assertRenderedSafe("console", out.toByteArray());
        assertRenderedSafe("stderr", err.toByteArray());
        assertRenderedSafe("log", Files.readAllBytes(log));
        assertThat(Files.readString(log)).contains(console.lines().skip(20).findFirst().orElseThrow());
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void escapingTwiceChangesNothing() {
        String once = dev.portqry.core.SafeText.escape(HOSTILE);
        assertThat(dev.portqry.core.SafeText.escape(once)).isSameAs(once);
    }

    private static PortStatus status(ResponderOutcome outcome) {
        return new PortStatus(LOOPBACK, Protocol.UDP, 161, PortState.LISTENING, PortState.LISTENING, Optional.of(HOSTILE), 1,
                Duration.ofMillis(5), HOSTILE, Optional.of(outcome));
    }

    /** The bytes of a whole output: the renderer's own '\n' line ends and nothing else below 0x20. */
    private static void assertRenderedSafe(String where, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            assertThat(b < 0x20 && b != '\n' || b == 0x7f).as(where + ": byte 0x%02x at %d", b, i).isFalse();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertSafe(where, text.replace("\n", ""));
        for (String line : text.split("\n", -1)) {
            for (String forged : FORGED) {
                assertThat(line.strip()).as(where + ": forged line").isNotEqualTo(forged).doesNotStartWith(forged);
            }
        }
    }

    /**
     * No control, DEL, C1, bidi control, separator or surrogate (the hostile values hold only a lone
     * one, which must come out escaped) in a text that is one line or several joined by '\n'.
     */
    private static void assertSafe(String where, String text) {
        text.replace("\n", "").chars().forEach(c -> assertThat(c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029 || Character.isSurrogate((char) c))
                .as(where + ": U+%04X in %s", c, text.length() > 200 ? text.substring(0, 200) : text).isFalse());
    }

    /** Every ResponderResult record in portqry-protocols and the example responders, by name. */
    private static List<Class<? extends ResponderResult>> resultTypes() throws IOException, URISyntaxException {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> anchor : List.of(RootDseResult.class, RedisPingResult.class)) {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.map(p -> root.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().map(e -> e.getName()).forEach(names::add);
                }
            }
        }
        List<Class<? extends ResponderResult>> out = new ArrayList<>();
        for (String n : names) {
            if (!n.startsWith("dev/portqry/") || !n.endsWith(".class") || n.contains("$")) {
                continue;
            }
            Class<?> c;
            try {
                c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, HostileRenderingTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (c.isRecord() && ResponderResult.class.isAssignableFrom(c)) {
                out.add(c.asSubclass(ResponderResult.class));
            }
        }
        return out;
    }
}
