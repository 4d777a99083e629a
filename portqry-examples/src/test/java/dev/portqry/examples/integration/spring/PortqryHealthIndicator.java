package dev.portqry.examples.integration.spring;

import dev.portqry.examples.integration.FrameworkHealth;
import dev.portqry.examples.integration.PortqryHealth;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The Spring Boot shape of EXAMPLES.md, compiled and run for real: the adapter's fresh run
 * becomes the indicator's status and details.
 */
final class PortqryHealthIndicator implements HealthIndicator {
    private final PortqryHealth health;

    PortqryHealthIndicator(PortqryHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        try {
            FrameworkHealth h = health.checkNow().get(30, TimeUnit.SECONDS);
            return (h.up() ? Health.up() : Health.down()).withDetails(h.details()).build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}
