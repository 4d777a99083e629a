package dev.portqry.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a Maven dependency of a real application, resolved by Maven itself:
 * <ul>
 *   <li>declared after Lettuce 6 (a Netty 4.1 user) with no BOM, building a PortProbe fails at once
 *       with a message naming the 4.1 modules, their jars and the fix, not a NoClassDefFoundError;</li>
 *   <li>with {@code io.netty:netty-bom:4.2.18.Final} imported, the same application probes;</li>
 *   <li>importing portqry's root pom as a BOM, {@code portqry-protocols}' whole runtime closure stays
 *       under 5 MB (the figure is printed, and kept in the README).</li>
 * </ul>
 * Needs Maven on the PATH and the registry (the consumer projects resolve Lettuce and Netty), so it
 * is an integration test; it installs this build's portqry jars into the local repository first.
 */
class NettyClashIT {
    private static final Path ROOT = ConsumerProjects.MODULE_DIR.getParent();
    private static final String LETTUCE = "6.5.5.RELEASE";
    private static final long MAX_CLOSURE_BYTES = 5L * 1024 * 1024;
    private static String version;

    @BeforeAll
    static void installThisBuild() throws Exception {
        Matcher m = Pattern.compile("<artifactId>portqry-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).as("version in the root pom").isTrue();
        version = m.group(1);
        mvn(ROOT, "install:install-file", "-Dfile=pom.xml", "-DpomFile=pom.xml", "-Dpackaging=pom");
        for (String module : List.of("portqry-core", "portqry-protocols")) {
            Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            assertThat(jar).as("run after 'package': " + jar).exists();
            mvn(ROOT, "install:install-file", "-Dfile=" + jar, "-DpomFile=" + module + "/pom.xml");
        }
    }

    @Test
    void netty41FromAnotherLibraryGetsAClearMessageAndTheBomFixesIt(@TempDir Path tmp) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(listening.getLocalPort());

            ConsumerProjects.Run clash = runConsumer(tmp.resolve("clash"), "pom-netty41.xml", port);
            assertThat(clash.exit()).as(clash.output()).isEqualTo(3);
            assertThat(clash.output())
                    .contains("refused: portqry needs Netty 4.2 (built against 4.2.18.Final) but found")
                    .containsPattern("netty-transport 4\\.1\\.[0-9]+\\.Final \\(from [^)]*netty-transport-4\\.1\\.")
                    .contains("import io.netty:netty-bom:4.2.18.Final")
                    .doesNotContain("NoClassDefFoundError");

            ConsumerProjects.Run fixed = runConsumer(tmp.resolve("fixed"), "pom-bom.xml", port);
            assertThat(fixed.exit()).as(fixed.output()).isZero();
            assertThat(fixed.output()).contains("state: LISTENING");
        }
    }

    @Test
    void theRootPomImportsAsABomAndTheProtocolsClosureStaysSmall(@TempDir Path tmp) throws Exception {
        List<Path> closure = resolve(tmp, "pom-portqry-bom.xml");
        long bytes = 0;
        StringBuilder list = new StringBuilder();
        for (Path jar : closure) {
            bytes += Files.size(jar);
            list.append(String.format("%,10d %s%n", Files.size(jar), jar.getFileName()));
        }
        System.out.printf("portqry-protocols runtime closure: %d jars, %,d bytes%n%s", closure.size(), bytes, list);
        assertThat(closure).anyMatch(p -> p.getFileName().toString().equals("netty-codec-dns-4.2.18.Final.jar"))
                .noneMatch(p -> p.getFileName().toString().startsWith("netty-all"))
                .noneMatch(p -> p.getFileName().toString().contains("quic"));
        assertThat(bytes).as("closure in bytes:%n%s", list).isLessThanOrEqualTo(MAX_CLOSURE_BYTES);
    }

    private static ConsumerProjects.Run runConsumer(Path dir, String pom, String port) throws Exception {
        List<Path> cp = resolve(dir, pom);
        String classPath = String.join(File.pathSeparator, cp.stream().map(Path::toString).toList());
        Path classes = dir.resolve("classes");
        ConsumerProjects.javac(List.of("-cp", classPath, "-d", classes.toString()),
                ConsumerProjects.javaFiles(ConsumerProjects.SOURCES.resolve("netty-clash/src")));
        return ConsumerProjects.run(dir, 120, ConsumerProjects.java(), "-cp", classPath + File.pathSeparator + classes,
                "clash.Main", port);
    }

    /** Writes the consumer pom with this build's versions and lets Maven resolve its runtime class path. */
    private static List<Path> resolve(Path dir, String pom) throws Exception {
        Files.createDirectories(dir);
        String text = Files.readString(ConsumerProjects.SOURCES.resolve("netty-clash").resolve(pom))
                .replace("@PORTQRY_VERSION@", version).replace("@LETTUCE_VERSION@", LETTUCE)
                .replace("@NETTY_VERSION@", "4.2.18.Final");
        Files.writeString(dir.resolve("pom.xml"), text);
        Path cpFile = dir.resolve("classpath.txt");
        mvn(dir, "dependency:build-classpath", "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + cpFile);
        String cp = Files.readString(cpFile, StandardCharsets.UTF_8).trim();
        return cp.isEmpty() ? List.of() : java.util.Arrays.stream(cp.split(File.pathSeparator)).map(Path::of).toList();
    }

    private static void mvn(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "mvn";
        command[1] = "-B";
        command[2] = "-q";
        System.arraycopy(args, 0, command, 3, args.length);
        ConsumerProjects.Run run = ConsumerProjects.run(dir, 300, command);
        assertThat(run.exit()).as("mvn %s:%n%s", String.join(" ", args), run.output()).isZero();
    }
}
