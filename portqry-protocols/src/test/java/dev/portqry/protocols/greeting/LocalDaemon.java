package dev.portqry.protocols.greeting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real daemon an IT starts itself (tftpd-hpa, xl2tpd, charon) on a loopback UDP port, and
 * stops by its own process at the end. Skips the test when the program is not installed.
 */
public final class LocalDaemon implements AutoCloseable {
    private static final List<String> DIRS = List.of("/usr/sbin", "/usr/bin", "/usr/lib/ipsec", "/usr/libexec/ipsec");

    private final Process process;
    private final Path log;

    private LocalDaemon(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param program the executable's file name, e.g. {@code in.tftpd}
     * @param aptPackage the Debian package that installs it, for the skip message
     * @return its path; aborts (skips) the calling test when it is not installed
     */
    public static Path require(String program, String aptPackage) {
        Optional<Path> found = DIRS.stream().map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(found.isPresent(),
                () -> program + " is not installed: apt-get install -y " + aptPackage + " to run this test");
        return found.get();
    }

    /** @return a UDP port on 127.0.0.1 that was free a moment ago */
    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code command} in the foreground of a child process and waits until something is
     * bound to UDP {@code port} on 127.0.0.1.
     *
     * @param command the program and its arguments
     * @param env extra environment variables
     * @param workDir the directory for the process and its log
     * @param port the UDP port the daemon binds
     * @return the running daemon
     */
    public static LocalDaemon startUdp(List<String> command, Map<String, String> env, Path workDir, int port)
            throws IOException, InterruptedException {
        Path log = workDir.resolve("daemon.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        LocalDaemon d = new LocalDaemon(pb.start(), log);
        for (int i = 0; i < 100; i++) {
            if (udpBound(port)) {
                return d;
            }
            if (!d.process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        String output = d.output();
        d.close();
        throw new IllegalStateException(command.get(0) + " did not bind UDP port " + port + ":\n" + output);
    }

    /** @return what the daemon printed so far */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean udpBound(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X ", port);
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path p = Path.of(table);
            if (Files.exists(p) && Files.readAllLines(p).stream().anyMatch(l -> l.contains(hexPort))) {
                return true;
            }
        }
        return false;
    }

    /** Stops the daemon and the children it forked (tftpd forks one per transfer). */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
