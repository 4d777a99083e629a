package dev.portqry.exporter;

/**
 * A module port's expectation, judged.
 *
 * @param token the expectation as configured, e.g. {@code cert-days-left=30}
 * @param met whether it holds
 * @param detail what was seen, e.g. {@code certificate expires in 364 days}
 */
public record ExpectationResult(String token, boolean met, String detail) {
}
