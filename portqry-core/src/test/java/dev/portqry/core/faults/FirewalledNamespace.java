package dev.portqry.core.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A short-lived network namespace with only loopback, whose nftables OUTPUT chain drops every
 * TCP and UDP packet: a socket in it gets EPERM from send(), as behind a local firewall rule.
 * Uniquely named, removed on {@link #close()}. Needs root, {@code ip} and {@code nft}. Also
 * runs child JVMs (in it or under another prefix such as {@code prlimit}).
 */
public final class FirewalledNamespace implements AutoCloseable {
    private final String name;

    private FirewalledNamespace(String name) {
        this.name = name;
    }

    /** @return whether this machine lets a test make one (root, with ip and nft) */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name")) && onPath("ip") && onPath("nft");
    }

    /** @return whether {@code tool} is an executable on the PATH (or in /usr/sbin, /sbin) */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    /** @return a new namespace with the drop in place */
    public static FirewalledNamespace create() throws IOException, InterruptedException {
        String name = "pqfault-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        FirewalledNamespace ns = new FirewalledNamespace(name);
        try {
            run("ip", "netns", "add", name);
            run("ip", "-n", name, "link", "set", "lo", "up");
            run("ip", "netns", "exec", name, "nft", "add table inet pqfault; "
                    + "add chain inet pqfault out { type filter hook output priority 0; policy accept; }; "
                    + "add rule inet pqfault out meta l4proto { tcp, udp } drop");
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** @return the command prefix that runs a command inside the namespace */
    public List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    /** The result of a child JVM. */
    public record Child(int exitCode, List<String> lines) {
    }

    /**
     * Runs a class of this JVM's class path in a child JVM, under {@code prefix}, waiting up to 5 minutes.
     *
     * @return its exit code and its merged stdout and stderr lines
     */
    public static Child java(List<String> prefix, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dio.netty.machineId=02:00:00:00:00:01"); // a namespace with only lo has no MAC to derive one from
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not end: " + cmd);
        }
        return new Child(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList());
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("ip", "netns", "del", name).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
    }
}
