package dev.portqry.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the README compiles against this build: each becomes the body of a
 * method in a class of its own, with the imports a reader would write, compiled by the running JDK
 * against the test class path. A README that drifts from the API fails the build.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final String IMPORTS = String.join("\n",
            "import dev.portqry.core.*;",
            "import dev.portqry.core.spi.*;",
            "import dev.portqry.protocols.health.*;",
            "import dev.portqry.protocols.ldap.RootDseResult;",
            "import dev.portqry.protocols.msrpc.*;",
            "import java.time.Duration;",
            "import java.util.List;",
            "import java.util.concurrent.*;");

    @Test
    void everyJavaBlockInTheReadmeCompiles(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(ConsumerProjects.MODULE_DIR.getParent().resolve("README.md"));
        Matcher m = JAVA_BLOCK.matcher(readme);
        List<Path> sources = new ArrayList<>();
        while (m.find()) {
            String name = "Snippet" + sources.size();
            Path file = tmp.resolve("src").resolve(name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, IMPORTS + "\n\nclass " + name + " {\n    static void run() throws Exception {\n"
                    + m.group(1) + "\n    }\n}\n");
            sources.add(file);
        }
        assertThat(sources).as("java blocks in the README").hasSizeGreaterThanOrEqualTo(2);
        ConsumerProjects.javac(List.of("-proc:none", "-cp", System.getProperty("java.class.path"),
                "-d", tmp.resolve("classes").toString()), sources);
        assertThat(tmp.resolve("classes").toFile().list()).hasSize(sources.size());
    }
}
