package dev.portqry.protocols.ldap;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the LDAP GeneralizedTime syntax (RFC 4517 section 3.3.13), e.g. {@code 20261124213000.0Z}:
 * hour with optional minute and second, an optional fraction of the last unit given, and a
 * mandatory time zone ({@code Z} or {@code +hh[mm]}/{@code -hh[mm]}).
 */
final class GeneralizedTime {
    private static final Pattern SYNTAX = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(\\d{2})?(?:[.,](\\d+))?(Z|([+-])(\\d{2})(\\d{2})?)");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GeneralizedTime() {
    }

    /**
     * @param text the value, not null
     * @return the instant, empty when the text does not follow the syntax or names no real time
     */
    static Optional<Instant> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), minute, second);
            ZoneOffset zone = ZoneOffset.UTC;
            if (!"Z".equals(m.group(8))) {
                int sign = "-".equals(m.group(9)) ? -1 : 1;
                int zoneMinutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
                zone = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(10)), sign * zoneMinutes);
            }
            Instant at = local.toInstant(zone);
            if (m.group(7) != null) {
                // The fraction belongs to the last unit present: second, else minute, else hour.
                long unitSeconds = m.group(6) != null ? 1 : m.group(5) != null ? 60 : 3600;
                BigDecimal fraction = new BigDecimal("0." + m.group(7));
                at = at.plusNanos(fraction.multiply(BigDecimal.valueOf(unitSeconds * NANOS_PER_SECOND)).longValue());
            }
            return Optional.of(at);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
