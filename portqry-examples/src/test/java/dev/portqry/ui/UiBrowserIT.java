package dev.portqry.ui;

import static org.assertj.core.api.Assertions.assertThat;


import dev.portqry.core.PortProbe;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import dev.portqry.testkit.LoopbackPorts;
import dev.portqry.testkit.Script;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The page in headless Chromium against peers this test opens on loopback: a TCP server that
 * greets (LISTENING, with a parsed result), a closed TCP port (NOT LISTENING) and a silent UDP
 * port (a query that runs until cancelled).
 */
class UiBrowserIT {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final Path SCREENSHOT = Path.of("target", "ui-screenshot.png");

    private static LoopbackPeer greeting;
    private static LoopbackPeer silent;
    private static int closed;
    private static PortProbe probe;
    private static UiServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        greeting = LoopbackPeer.tcp(LOOPBACK, Script.create().sendLine("220 demo.corp.example.test ready"));
        silent = LoopbackPeer.udp(LOOPBACK, in -> null);
        closed = LoopbackPorts.closedTcpPort(LOOPBACK);
        probe = PortProbe.builder()
                .responders(ResponderRegistry.builder().add(new DemoResponder(greeting.port())).build()).build();
        server = UiServer.start(probe, UiOptions.builder().port(0)
                .probeOptions(UiPeers.SLOW_UDP).build());
        browser = Browser.open();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
            probe.close();
            silent.close();
            greeting.close();
        }
    }

    @BeforeEach
    void load() {
        browser.driver().get(server.uri().toString());
        browser.await("the predefined services are loaded", () -> browser.findAll("#service option").size() > 1);
    }

    @Test
    void queryFillsRowsLiveAndARowExpandsIntoTheParsedResult() throws Exception {
        List<String> services = new Select(browser.find("#service")).getOptions().stream().map(WebElement::getText).toList();
        assertThat(services).contains("Domains and Trusts", "SQL Service", "Netmeeting and other services").hasSize(9);

        browser.type("target", "127.0.0.1");
        browser.type("tcp", greeting.port() + "," + closed);
        browser.find("#query").click();
        browser.await("the query finishes", () -> browser.find("#run-message").getText().startsWith("Finished"));

        Map<String, WebElement> rows = browser.rows();
        assertThat(rows).containsOnlyKeys("TCP " + greeting.port(), "TCP " + closed);
        WebElement open = rows.get("TCP " + greeting.port());
        WebElement state = open.findElement(By.cssSelector(".state"));
        assertThat(state.getText()).isEqualTo("LISTENING");
        assertThat(state.getAttribute("class")).contains("state-listening");
        assertThat(open.findElement(By.cssSelector("td.query")).getText()).isEqualTo("greeting: demo.corp.example.test ready");
        WebElement refused = rows.get("TCP " + closed).findElement(By.cssSelector(".state"));
        assertThat(refused.getText()).isEqualTo("NOT LISTENING");
        assertThat(refused.getAttribute("class")).contains("state-not-listening");
        assertThat(browser.find("#summary").getText()).contains("LISTENING\n1", "NOT LISTENING\n1");

        open.click();
        WebElement detail = browser.find("tbody.open tr.detail");
        browser.await("the row expands", detail::isDisplayed);
        assertThat(detail.findElement(By.cssSelector("table.kv")).getText()).contains("dnsHostName", "dc1.corp.example.test",
                "supportedLDAPVersion", "namingContexts");
        assertThat(detail.findElements(By.cssSelector("table.rec th")).stream().map(WebElement::getText))
                .contains("uuid", "annotation", "binding", "port");
        assertThat(detail.findElement(By.cssSelector("pre.portqry")).getText())
                .contains("TCP port " + greeting.port() + " (unknown service): LISTENING", "DEMO query response:");
        assertThat(browser.find("#export-json").getAttribute("href")).endsWith("/report.json");
        assertThat(browser.find("#export-text").getAttribute("href")).endsWith("/report.txt");
        browser.screenshot(SCREENSHOT);
    }

    @Test
    void badInputIsShownNextToItsFieldAndAnUnresolvedNameOnTheTarget() {
        browser.type("target", "");
        browser.type("tcp", "70000");
        browser.type("udp", "9-2");
        browser.find("#query").click();
        assertThat(browser.find("#target-error").getText()).isEqualTo("Enter a name or an IP address to query");
        assertThat(browser.find("#tcp-error").getText()).isEqualTo("TCP ports: port must be 1-65535, was 70000");
        assertThat(browser.find("#udp-error").getText()).isEqualTo("UDP ports: range start must not be above its end, was 9-2");
        assertThat(browser.find("#tcp").getAttribute("class")).contains("invalid");
        assertThat(browser.findAll("#result-table tbody")).isEmpty();

        browser.type("tcp", "80");
        assertThat(browser.find("#tcp-error").getText()).as("typing clears the message").isEmpty();
        browser.type("udp", "");
        // localhost has no IPv6 address in this machine's hosts file: the server says so, no DNS query leaves.
        browser.type("target", "localhost");
        browser.find("#options summary").click();
        new Select(browser.find("#ip")).selectByValue("ipv6");
        browser.find("#query").click();
        browser.await("the server's answer is shown", () -> !browser.find("#target-error").getText().isEmpty());
        assertThat(browser.find("#target-error").getText()).contains("localhost has no address of the requested IP version");
        new Select(browser.find("#ip")).selectByValue("any");
    }

    @Test
    void cancelStopsARunningQuery() {
        browser.type("target", "127.0.0.1");
        browser.type("tcp", "");
        browser.type("udp", String.valueOf(silent.port()));
        browser.find("#query").click();
        browser.await("the query runs", () -> browser.find("#cancel").isEnabled());
        browser.find("#cancel").click();
        browser.await("the query is cancelled", () -> browser.find("#run-message").getText().startsWith("Cancelled"));
        assertThat(browser.find("#query").isEnabled()).isTrue();
        assertThat(server.runningQueries()).isZero();
    }
}
