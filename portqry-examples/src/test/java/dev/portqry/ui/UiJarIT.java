package dev.portqry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code java -jar portqry.jar -ui 0}: the one command that opens the UI, as a process. */
class UiJarIT {
    private static final Path JAR = Path.of("target", "portqry.jar");
    private static final Pattern URL = Pattern.compile("PortQry UI: open (http://127\\.0\\.0\\.1:\\d+/) in a browser \\(Ctrl\\+C stops\\)");

    @Test
    void printsTheAddressAndServesThePageFromTheJar() throws Exception {
        assertThat(JAR).as("the shaded jar, built in package").exists();
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "-ui", "0")).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = URL.matcher(String.valueOf(line));
            assertThat(m.matches()).as("first line: " + line).isTrue();
            UiClient c = new UiClient(URI.create(m.group(1)));
            HttpResponse<String> page = c.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Query predefined service");
            assertThat(c.get("/render.js").body()).contains("PortQryRender");
            assertThat(UiClient.json(c.get("/api/services")).getAsJsonArray("services")).hasSize(8);
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("Ctrl+C (SIGTERM) stops it").isTrue();
        }
        assertThat(p.exitValue()).isIn(0, 143);
    }

    @Test
    void anotherAddressIsOnlyServedWithAWarning() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "-ui", "0", "-uiaddr", "0.0.0.0")).start();
        try {
            String err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(err).startsWith("portqry: warning: -uiaddr 0.0.0.0: the UI is reachable from other computers");
            String out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(out).startsWith("PortQry UI: open http://127.0.0.1:");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
