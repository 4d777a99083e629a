package dev.portqry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.portqry.core.PortProbe;
import dev.portqry.testbed.Testbed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web UI's Domain view over HTTP, against the testbed's two-DC domain: the event stream
 * announces both DCs found through DNS, then one cell per DC and check, then the end with the
 * worst cell's exit code. (The page's drawing of these events is plain DOM work in domain.js.)
 */
class UiDomainStreamIT {

    @Test
    void theDomainStreamDiscoversBothDcsAndSendsEveryCell() throws Exception {
        Testbed tb = Testbed.require();
        String dns = tb.address("dc.address").getHostAddress();
        try (PortProbe probe = PortProbe.builder().build();
             UiServer server = UiServer.start(probe, UiOptions.builder().port(0).build())) {
            URI uri = server.uri().resolve("/api/domain/events?domain=corp.example.test&dnsserver=" + dns);
            HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            try (UiClient.Events events = new UiClient.Events(r.body())) {
                JsonObject discovery = events.next("discovery").data();
                int dcs = discovery.getAsJsonArray("controllers").size();
                int columns = discovery.getAsJsonArray("columns").size();
                assertThat(dcs).as(discovery.toString()).isEqualTo(2);
                Set<String> cells = new HashSet<>();
                UiClient.Event e;
                while ((e = events.next()).name().equals("cell")) {
                    cells.add(e.data().get("controller").getAsString() + " " + e.data().get("column").getAsString());
                }
                assertThat(e.name()).isEqualTo("end");
                assertThat(cells).hasSize(dcs * columns);
                assertThat(e.data().get("exitCode").getAsInt()).isBetween(0, 2);
            }
        }
    }
}
