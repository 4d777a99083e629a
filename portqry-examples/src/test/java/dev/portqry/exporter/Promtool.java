package dev.portqry.exporter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code promtool} (from the prometheus package the testbed installs); skips without it. */
final class Promtool {
    private Promtool() {
    }

    /** The promtool on PATH, or a skipped test naming what to install. */
    static String require() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dir, "promtool");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        assumeTrue(false, "promtool not found on PATH: install Debian's prometheus package "
                + "(bash scripts/testbed-install.sh does) to run this check");
        return null;
    }

    /** Result of one promtool run. */
    record Result(int exit, String output) {
    }

    /**
     * @param stdin bytes for promtool's standard input, or null
     * @param dir the working directory
     * @param args promtool's arguments
     */
    static Result run(byte[] stdin, Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(require());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("promtool " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
