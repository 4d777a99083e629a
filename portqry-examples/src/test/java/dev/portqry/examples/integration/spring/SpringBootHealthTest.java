package dev.portqry.examples.integration.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.examples.health.HealthMonitor;
import dev.portqry.examples.integration.PortqryHealth;
import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.testkit.LoopbackPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A real Spring Boot 3 application (actuator + embedded web server on 127.0.0.1) with portqry's
 * adapter registered as a {@code HealthIndicator}: {@code /actuator/health} shows the component UP
 * while the checked loopback port listens, and DOWN (HTTP 503) for a closed one.
 */
class SpringBootHealthTest {

    @SpringBootApplication
    static class App {
        static String target;
        static int port;

        @Bean(destroyMethod = "close")
        PortProbe portProbe() {
            return PortProbe.builder().build();
        }

        @Bean(destroyMethod = "close")
        HealthMonitor portqryMonitor(PortProbe probe) {
            return HealthMonitor.builder(probe).add(HealthCheck.builder("checked-port").target(target).tcp(port)
                    .deadline(Duration.ofSeconds(10)).build()).build();
        }

        @Bean
        PortqryHealthIndicator portqry(HealthMonitor monitor) {
            return new PortqryHealthIndicator(new PortqryHealth(monitor));
        }
    }

    @Test
    void actuatorHealthIsUpForAListeningPortAndDownForAClosedOne() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket open = LoopbackPorts.tcpListener(lo)) {
            HttpResponse<String> up = health(lo.getHostAddress(), open.getLocalPort());
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(up.body()).contains("\"portqry\":{\"status\":\"UP\"").contains("checked-port");
        }
        HttpResponse<String> down = health(lo.getHostAddress(), LoopbackPorts.closedTcpPort(lo));
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).contains("\"portqry\":{\"status\":\"DOWN\"").contains("NOT LISTENING");
    }

    private static HttpResponse<String> health(String target, int port) throws Exception {
        App.target = target;
        App.port = port;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of("server.address", "127.0.0.1", "server.port", "0",
                        "management.endpoint.health.show-details", "always",
                        "management.endpoints.web.exposure.include", "health",
                        "spring.main.banner-mode", "off"))
                .run()) {
            int http = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/actuator/health"))
                    .timeout(Duration.ofSeconds(60)).build();
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        }
    }
}
