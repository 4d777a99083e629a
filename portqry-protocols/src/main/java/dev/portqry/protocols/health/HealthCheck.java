package dev.portqry.protocols.health;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortSpec;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One declared check: a port of a host must be in an expected state and, optionally, answer
 * an {@link Expectation}. Immutable; build with {@link #builder(String)} or read from a file
 * with {@link HealthConfig}.
 *
 * <pre>{@code
 * HealthCheck ldap = HealthCheck.builder("dc1-ldap").target("dc1.corp.example.test").tcp(389)
 *         .expectation(Expectations.ldapAttributePresent("dnsHostName")).build();
 * }</pre>
 *
 * @param name a unique name, letters, digits, {@code . _ -}; shown in logs, JSON and metrics
 * @param target a host name or IP literal, not blank
 * @param protocol TCP or UDP, not null
 * @param port 1-65535
 * @param expected the port state that counts as healthy, normally {@link PortState#LISTENING}
 * @param expectation what a listening port must also answer; empty for a port-state check
 * @param deadline how long one run may take, probes and expectation together, 1 ms to 10 min
 */
public record HealthCheck(String name, String target, Protocol protocol, int port, PortState expected,
                          Optional<Expectation> expectation, Duration deadline) {
    /** The deadline when none is set: above the default TCP budget of 3 connects of 1 s plus a 5 s conversation. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** Validates every field, naming the one that is wrong. */
    public HealthCheck {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, '.', '_' or '-', was " + name);
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("target must not be blank (check " + name + ")");
        }
        Objects.requireNonNull(protocol, "protocol");
        try {
            PortSpec.checkPort(port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (check " + name + ")", e);
        }
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(expectation, "expectation");
        if (expectation.isPresent() && expected != PortState.LISTENING) {
            throw new IllegalArgumentException("an expectation needs expected state LISTENING, was " + expected
                    + " (check " + name + ")");
        }
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("deadline must be 1 ms to 10 min, was " + deadline + " (check " + name + ")");
        }
    }

    /**
     * @param name the check's name, see the record's parameters
     * @return a builder for a TCP check expecting LISTENING with {@link #DEFAULT_DEADLINE}
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Runs the check once: probes the port, compares the state, then judges the expectation.
     * Never completes exceptionally: faults (a name that does not resolve) and a passed deadline
     * are DOWN results. Cancels its probes when the deadline passes.
     *
     * @param probe the probe to use, not null
     * @param base the options to start from (an expectation may force a responder), not null
     * @return the result
     */
    public CompletableFuture<CheckResult> run(PortProbe probe, ProbeOptions base) {
        long start = System.nanoTime();
        ProbeOptions options = expectation.map(e -> e.options(base, this)).orElse(base);
        CompletableFuture<PortStatus> probed = probe.probe(target, protocol, port, options);
        CompletableFuture<CheckResult> judged = probed.thenCompose(status -> judge(probe, status, options, start));
        return judged.orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS).handle((result, error) -> {
            if (error == null) {
                return result;
            }
            probed.cancel(false);
            judged.cancel(false);
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String why = cause instanceof TimeoutException ? "no verdict within the " + deadline.toMillis() + " ms deadline"
                    : cause.toString();
            return result(HealthState.DOWN, why, start);
        });
    }

    private CompletableFuture<CheckResult> judge(PortProbe probe, PortStatus status, ProbeOptions options, long start) {
        String seen = protocol + " port " + port + " " + status.state().displayName();
        if (status.state() != expected) {
            return CompletableFuture.completedFuture(result(HealthState.DOWN,
                    seen + ", expected " + expected.displayName() + " (" + status.reason() + ")", start));
        }
        if (expectation.isEmpty()) {
            return CompletableFuture.completedFuture(result(HealthState.UP, seen, start));
        }
        Expectation e = expectation.get();
        return e.evaluate(probe, status, options).handle((v, x) -> {
            Verdict verdict = x != null ? Verdict.failed(x.toString()) : v;
            return result(verdict.met() ? HealthState.UP : HealthState.DOWN,
                    seen + "; " + (verdict.met() ? "" : e.description() + " failed: ") + verdict.detail(), start);
        });
    }

    private CheckResult result(HealthState state, String reason, long start) {
        return new CheckResult(name, state, reason, Duration.ofNanos(System.nanoTime() - start), Instant.now());
    }

    @Override
    public String toString() {
        return name + " " + target + " " + protocol + "/" + port + " " + expected
                + expectation.map(e -> " " + e.description()).orElse("");
    }

    /** Builds a {@link HealthCheck}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String name;
        private String target;
        private Protocol protocol = Protocol.TCP;
        private int port;
        private PortState expected = PortState.LISTENING;
        private Expectation expectation;
        private Duration deadline = DEFAULT_DEADLINE;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param target a host name or IP literal, not blank
         * @return this builder
         */
        public Builder target(String target) {
            this.target = target;
            return this;
        }

        /**
         * @param port a TCP port, 1-65535
         * @return this builder
         */
        public Builder tcp(int port) {
            this.protocol = Protocol.TCP;
            this.port = port;
            return this;
        }

        /**
         * @param port a UDP port, 1-65535
         * @return this builder
         */
        public Builder udp(int port) {
            this.protocol = Protocol.UDP;
            this.port = port;
            return this;
        }

        /**
         * @param state the healthy port state; default {@link PortState#LISTENING}
         * @return this builder
         */
        public Builder expect(PortState state) {
            this.expected = Objects.requireNonNull(state, "expected");
            return this;
        }

        /**
         * @param expectation what the listening port must also answer, not null
         * @return this builder
         */
        public Builder expectation(Expectation expectation) {
            this.expectation = Objects.requireNonNull(expectation, "expectation");
            return this;
        }

        /**
         * @param deadline how long one run may take; default {@link #DEFAULT_DEADLINE}
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /** @return the check */
        public HealthCheck build() {
            return new HealthCheck(name, target, protocol, port, expected, Optional.ofNullable(expectation), deadline);
        }
    }
}
