package dev.portqry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.testbed.Testbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The "Domains and Trusts" predefined service, chosen in the page, against the testbed's Samba
 * domain controller, with the responders on the class path.
 */
class UiDomainControllerIT {
    static final Path SCREENSHOT = Path.of("target", "ui-screenshot-domains.png");

    @Test
    void domainsAndTrustsShowsTheDomainControllersPorts() throws Exception {
        Testbed tb = Testbed.require();
        Browser.assumeInstalled();
        String dc = tb.address("dc.address").getHostAddress();
        try (PortProbe probe = PortProbe.builder().build();
             UiServer server = UiServer.start(probe, UiOptions.builder().port(0).build());
             Browser browser = Browser.open()) {
            browser.driver().get(server.uri().toString());
            browser.await("the predefined services are loaded", () -> browser.findAll("#service option").size() > 1);
            browser.type("target", dc);
            new Select(browser.find("#service")).selectByVisibleText("Domains and Trusts");
            assertThat(browser.find("#service-hint").getText()).startsWith("TCP 135, TCP 389");
            browser.find("#query").click();
            browser.await("the query finishes", () -> browser.find("#run-message").getText().startsWith("Finished"));

            Map<String, WebElement> rows = browser.rows();
            assertThat(rows).containsKeys("TCP 389", "TCP 135", "UDP 389", "TCP 3268");
            for (String port : List.of("TCP 389", "TCP 135")) {
                WebElement state = rows.get(port).findElement(By.cssSelector(".state"));
                assertThat(state.getText()).as(port).isEqualTo("LISTENING");
                assertThat(state.getAttribute("class")).as(port).contains("state-listening");
            }
            rows.get("TCP 389").click();
            WebElement detail = browser.find("tbody.open tr.detail");
            browser.await("the row expands", detail::isDisplayed);
            assertThat(detail.findElement(By.cssSelector("pre.portqry")).getText()).contains("TCP port 389 (ldap service): LISTENING");
            browser.screenshot(SCREENSHOT);
        }
    }
}
