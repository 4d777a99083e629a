package dev.portqry.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds and runs small consumer programs of the library in child JVMs, as an application would. */
final class ConsumerProjects {
    /** The examples module's own directory (failsafe and surefire run there). */
    static final Path MODULE_DIR = Path.of("").toAbsolutePath();
    static final Path SOURCES = MODULE_DIR.resolve("src/it");
    /** The library's Netty modules (what portqry-core and portqry-protocols declare), by jar name. */
    private static final Pattern LIBRARY_NETTY = Pattern.compile(
            "netty-(common|buffer|transport|transport-classes-epoll|transport-native-unix-common|codec-base|codec-dns"
            + "|handler|resolver|resolver-dns)-4\\.[0-9.]+Final\\.jar"
            + "|netty-transport-native-epoll-4\\.[0-9.]+Final-linux-" + nativeArch() + "\\.jar");

    private ConsumerProjects() {
    }

    /** A finished child process. */
    record Run(int exit, String output) {
    }

    /**
     * @return the class-path entries of this test JVM that make up the library on the module path:
     *     portqry-core, portqry-protocols (jars or class directories), their Netty modules, slf4j-api
     */
    static List<Path> libraryModulePath() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String s = p.toString().replace(File.separatorChar, '/');
            String name = p.getFileName().toString();
            boolean portqry = (s.contains("portqry-core") || s.contains("portqry-protocols"))
                    && !s.contains("test") && (name.endsWith(".jar") || s.endsWith("target/classes"));
            if (portqry || LIBRARY_NETTY.matcher(name).matches() || name.matches("slf4j-api-.*\\.jar")) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Compiles Java sources with the running JDK's compiler.
     *
     * @param options javac options (class or module path, -d)
     * @param sources the files
     */
    static void javac(List<String> options, List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(options);
        sources.forEach(s -> args.add(s.toString()));
        int rc = javac.run(null, System.out, System.err, args.toArray(String[]::new));
        assertThat(rc).as("javac " + args).isZero();
    }

    /** @return every .java file below a directory */
    static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
        }
    }

    /** @return the {@code java} launcher of the running JDK */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs a command to its end, within a deadline.
     *
     * @param dir working directory
     * @param timeoutSeconds deadline; the process is killed past it and the test fails
     * @param command the command
     * @return exit code and combined output
     */
    static Run run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                out[0] = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        reader.join(10_000);
        String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
        assertThat(done).as("%s finished within %d s; output so far:%n%s", Arrays.toString(command), timeoutSeconds, text)
                .isTrue();
        return new Run(p.exitValue(), text);
    }

    private static String nativeArch() {
        String arch = System.getProperty("os.arch");
        return arch.equals("aarch64") ? "aarch_64" : "x86_64";
    }
}
