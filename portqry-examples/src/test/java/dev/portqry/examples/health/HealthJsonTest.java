package dev.portqry.examples.health;

import dev.portqry.protocols.health.HealthState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hand-written JSON: exact text, escaping, and a check that has not run. */
class HealthJsonTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant T1 = Instant.parse("2026-01-02T03:04:35Z");

    @Test
    void writesEveryField() {
        HealthReport report = new HealthReport(List.of(
                new CheckReport("ldap", HealthState.UP, "TCP port 389 LISTENING; dnsHostName=dc1", Duration.ofMillis(12),
                        Optional.of(T1), T0),
                CheckReport.notRunYet("kdc", T0)));
        assertThat(HealthJson.write(report)).isEqualTo("{\"status\":\"UNKNOWN\",\"checks\":["
                + "{\"name\":\"ldap\",\"status\":\"UP\",\"reason\":\"TCP port 389 LISTENING; dnsHostName=dc1\","
                + "\"elapsedMillis\":12,\"checkedAt\":\"2026-01-02T03:04:35Z\",\"lastChange\":\"2026-01-02T03:04:05Z\"},"
                + "{\"name\":\"kdc\",\"status\":\"UNKNOWN\",\"reason\":\"not run yet\",\"elapsedMillis\":0,"
                + "\"checkedAt\":null,\"lastChange\":\"2026-01-02T03:04:05Z\"}]}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        StringBuilder sb = new StringBuilder();
        HealthJson.string(sb, "a\"b\\c\nd\u0001é");
        assertThat(sb).hasToString("\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    @Test
    void noChecksIsDown() {
        assertThat(HealthJson.write(new HealthReport(List.of()))).isEqualTo("{\"status\":\"DOWN\",\"checks\":[]}");
    }
}
