package dev.portqry.protocols.health;

import java.util.Objects;

/**
 * Whether an {@link Expectation} holds, and what was seen.
 *
 * @param met whether it holds
 * @param detail what was seen, e.g. {@code dnsHostName=dc1.corp.example.test}; not null
 */
public record Verdict(boolean met, String detail) {
    /** Checks for null. */
    public Verdict {
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param detail what was seen, not null
     * @return a verdict that holds
     */
    public static Verdict met(String detail) {
        return new Verdict(true, detail);
    }

    /**
     * @param detail why it does not hold, not null
     * @return a verdict that does not hold
     */
    public static Verdict failed(String detail) {
        return new Verdict(false, detail);
    }
}
