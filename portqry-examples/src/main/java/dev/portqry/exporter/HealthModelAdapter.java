package dev.portqry.exporter;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.protocols.health.Expectation;
import dev.portqry.protocols.health.Expectations;
import dev.portqry.protocols.health.HealthCheck;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The exporter's one link to the health-check model ({@code dev.portqry.examples.health}): a
 * module port's expectation token is parsed, turned into probe options and judged by the same
 * {@link Expectations} the health check uses. When that model moves into the library, only this
 * class changes.
 */
final class HealthModelAdapter {
    private HealthModelAdapter() {
    }

    /**
     * @param token an expectation in its one-token form, e.g. {@code cert-days-left=30}
     * @throws IllegalArgumentException naming the token when it is not a known form
     */
    static void validate(String token) {
        Expectations.parse(token);
    }

    /**
     * @param token the expectation, valid
     * @param base the options the port would be probed with, not null
     * @param address the address to be probed, not null
     * @param port the port to be probed, not null
     * @return the options the expectation needs (e.g. the responder it forces)
     */
    static ProbeOptions options(String token, ProbeOptions base, InetAddress address, ModulePort port) {
        HealthCheck.Builder b = HealthCheck.builder("exporter").target(NetUtil.toAddressString(address));
        HealthCheck check = (port.protocol() == Protocol.TCP ? b.tcp(port.port()) : b.udp(port.port())).build();
        return Expectations.parse(token).options(base, check);
    }

    /**
     * Judges a listening port's result; never completes exceptionally.
     *
     * @param token the expectation, valid
     * @param probe for any further probes the expectation makes, not null
     * @param status the port's result, not null
     * @param options the options the port was probed with, not null
     * @return whether it is met, and what was seen
     */
    static CompletableFuture<ExpectationResult> evaluate(String token, PortProbe probe, PortStatus status,
                                                         ProbeOptions options) {
        Expectation e = Expectations.parse(token);
        CompletableFuture<ExpectationResult> out;
        try {
            out = e.evaluate(probe, status, options).thenApply(v -> new ExpectationResult(token, v.met(), v.detail()));
        } catch (RuntimeException x) {
            out = CompletableFuture.failedFuture(x);
        }
        return out.exceptionally(x -> new ExpectationResult(token, false, e.description() + " failed: " + x));
    }
}
