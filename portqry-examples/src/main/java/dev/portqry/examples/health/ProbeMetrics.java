package dev.portqry.examples.health;

import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeListener;
import dev.portqry.core.ResponderOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Micrometer meters for every probe a {@link dev.portqry.core.PortProbe} runs, fed by its
 * {@link ProbeListener} events rather than by parsing results. With {@link HealthMetrics}, the
 * only class here that names Micrometer.
 *
 * <ul>
 * <li>{@code portqry.probe.results} counter (tags {@code protocol}, {@code state}): finished probes</li>
 * <li>{@code portqry.probe.failures} counter (tag {@code exception}): probes whose future failed</li>
 * <li>{@code portqry.probe.network.errors} counter (tag {@code meaning}): RST, ICMP and firewall answers</li>
 * <li>{@code portqry.probe.outcomes} counter (tags {@code responder}, {@code outcome}): step-2 outcomes</li>
 * </ul>
 *
 * <pre>{@code
 * PortProbe probe = PortProbe.builder().listener(new ProbeMetrics(meterRegistry)).build();
 * }</pre>
 */
public final class ProbeMetrics implements ProbeListener {
    private final MeterRegistry registry;

    /**
     * @param registry where the meters go, not null
     */
    public ProbeMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void probeEnd(Call call, PortStatus status) {
        Counter.builder("portqry.probe.results").tag("protocol", call.protocol().name()).tag("state", status.state().name())
                .description("finished portqry probes").register(registry).increment();
    }

    @Override
    public void probeFailed(Call call, Throwable cause) {
        Counter.builder("portqry.probe.failures").tag("exception", cause.getClass().getSimpleName())
                .description("portqry probes whose future failed or was cancelled").register(registry).increment();
    }

    @Override
    public void networkError(Call call, Throwable cause, String meaning) {
        Counter.builder("portqry.probe.network.errors").tag("meaning", meaning)
                .description("network errors portqry probes met, by what they mean").register(registry).increment();
    }

    @Override
    public void outcome(Call call, ResponderOutcome outcome) {
        Counter.builder("portqry.probe.outcomes").tag("responder", outcome.responder())
                .tag("outcome", outcome.getClass().getSimpleName())
                .description("step-2 outcomes of portqry probes").register(registry).increment();
    }
}
