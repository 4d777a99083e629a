package dev.portqry.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, both given by path so that
 * Selenium never looks for or downloads a browser or driver. Chromium is told to resolve no
 * names and to make no background connections: the only traffic is to the UI on loopback.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The packages the testbed install script needs for these tests. */
    static final String PACKAGES = "chromium chromium-driver";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test, saying what to install, when Chromium or its driver is absent. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                () -> "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing; install Debian's "
                        + PACKAGES + " (apt-get install -y " + PACKAGES + ")");
    }

    /**
     * @return a fresh headless browser with its own profile directory
     * @throws IOException when the profile directory cannot be made
     */
    static Browser open() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("portqry-ui-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--disable-domain-reliability", "--no-default-browser-check",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--user-data-dir=" + profile, "--window-size=1360,900", "--force-device-scale-factor=1", "--lang=en-US"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 60 s) until the condition holds; the condition, not the wait, is the assertion. */
    void await(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(what).until(d -> condition.getAsBoolean());
    }

    /** @return each rendered result row by {@code PROTOCOL port}, e.g. {@code TCP 389} */
    Map<String, WebElement> rows() {
        Map<String, WebElement> out = new java.util.HashMap<>();
        for (WebElement row : findAll("#result-table tbody.result tr.row")) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            out.put(cells.get(1).getText() + " " + cells.get(2).getText(), row);
        }
        return out;
    }

    /** Types into a field after clearing it. */
    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /**
     * Writes a screenshot of the whole page.
     *
     * @param file where, e.g. {@code target/ui-screenshot.png}
     * @throws IOException when it cannot be written
     */
    void screenshot(Path file) throws IOException {
        // Page.captureScreenshot beyond the viewport: the whole page, whatever the window's height.
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
