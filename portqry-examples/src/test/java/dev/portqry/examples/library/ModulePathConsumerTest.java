package dev.portqry.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPMS: a consumer module on the module path reads portqry-core and portqry-protocols through their
 * descriptors, finds the responders through the module system ({@code provides}/{@code uses}), and
 * runs a probe with one of them against a loopback greeting server. The core's internal package is
 * not exported.
 */
class ModulePathConsumerTest {

    @Test
    void aModulePathConsumerFindsTheRespondersAndProbes(@TempDir Path tmp) throws Exception {
        List<Path> modulePath = ConsumerProjects.libraryModulePath();
        assertThat(modulePath).as("library modules on the test class path").hasSizeGreaterThanOrEqualTo(8);
        String mp = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));

        Path classes = tmp.resolve("consumer");
        ConsumerProjects.javac(List.of("--module-path", mp, "-d", classes.toString()),
                ConsumerProjects.javaFiles(ConsumerProjects.SOURCES.resolve("module-consumer")));

        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread greeter = new Thread(() -> greet(server));
            greeter.setDaemon(true);
            greeter.start();

            ConsumerProjects.Run run = ConsumerProjects.run(tmp, 120, ConsumerProjects.java(),
                    "--module-path", mp + File.pathSeparator + classes,
                    "-m", "dev.portqry.consumer/dev.portqry.consumer.Main", Integer.toString(server.getLocalPort()));

            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("module: dev.portqry.consumer")
                    .containsPattern("responders: .*ldap.*smtp")
                    .contains("core: dev.portqry.core exports internal: false")
                    .contains("state: LISTENING")
                    .containsPattern("responder: .*smtp.*");
        }
    }

    /** An SMTP-like greeting for every connection: PortQry's step 2 reads it. */
    private static void greet(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                out.write("220 portqry module-path test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read(new byte[256]);
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
