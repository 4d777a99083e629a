package dev.portqry.protocols.health;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import java.util.concurrent.CompletableFuture;

/**
 * What a listening port must also answer for its check to be UP, beyond the port state: a
 * condition on the responder's typed result, possibly with more probes (the endpoint mapper's
 * dynamic port). Ready-made ones are in {@link Expectations}; write your own for your own
 * responders, e.g. {@code status.result(RedisPingResult.class)}. Implementations are immutable.
 */
public interface Expectation {

    /** @return what is expected, in words, e.g. {@code LDAP dnsHostName present}; shown in reasons */
    String description();

    /**
     * The options for the check's probe, e.g. the responder to force or a setting it needs.
     *
     * @param base the monitor's options, not null
     * @param check the check being run, not null
     * @return the options to probe with; {@code base} by default
     */
    default ProbeOptions options(ProbeOptions base, HealthCheck check) {
        return base;
    }

    /**
     * Judges a probe's result; called only when the port was in the expected state.
     *
     * @param probe the probe, for any further probes; not null
     * @param status the check's probe result, not null
     * @param options the options the check probed with, not null
     * @return the verdict; may complete exceptionally, which counts as not met
     */
    CompletableFuture<Verdict> evaluate(PortProbe probe, PortStatus status, ProbeOptions options);
}
