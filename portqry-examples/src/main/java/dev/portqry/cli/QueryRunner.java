package dev.portqry.cli;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortQryException;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.UnresolvedTargetException;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import io.netty.util.NetUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a {@link QueryPlan}: for each target, PortQry's resolution lines, then every port in
 * PortQry's order. Probes overlap (at most {@link QueryPlan#parallel()} in flight) but results
 * print in order.
 */
final class QueryRunner {
    /** The responder whose dump PortQry skips on {@code -r} ranges. */
    static final String ENDPOINT_MAPPER = "msrpc";

    private final PortProbe probe;
    private final Output out;

    /**
     * @param probe the probe engine, not closed by this class
     * @param out where lines go
     */
    QueryRunner(PortProbe probe, Output out) {
        this.probe = probe;
        this.out = out;
    }

    /**
     * @param plan what to query
     * @return the exit code: the highest over every port and target
     * @throws CliException {@link ExitCodes#FAILURE} when a probe cannot run (source port in use)
     */
    int run(QueryPlan plan) {
        ProbeOptions options = new ResponderSettings(probe.responders()).apply(plan.options(), plan.settings());
        int code = ExitCodes.LISTENING;
        boolean first = true;
        for (String target : plan.targets()) {
            if (!first && !plan.json()) {
                out.line("");
            }
            first = false;
            code = ExitCodes.combine(code, runTarget(plan, options, target));
        }
        return code;
    }

    private int runTarget(QueryPlan plan, ProbeOptions options, String target) {
        boolean text = !plan.json();
        boolean literal = isLiteral(target);
        if (text) {
            TextReport.targetHeader(target).forEach(out::line);
            TextReport.resolving(target, literal, options.reverseLookup()).ifPresent(out::line);
        }
        ResolvedTarget resolved;
        try {
            resolved = await(probe.resolve(target, options));
        } catch (UnresolvedTargetException e) {
            if (text) {
                out.line("");
                out.line("Failed to resolve name to IP address");
            } else {
                out.line(JsonReport.failure(target, "Failed to resolve name to IP address", ExitCodes.UNRESOLVED));
            }
            out.error("portqry: -n " + target + ": " + e.getMessage() + " (exit code " + ExitCodes.UNRESOLVED + ")");
            return ExitCodes.UNRESOLVED;
        }
        if (text) {
            TextReport.resolved(resolved, options.reverseLookup()).forEach(out::line);
        }
        ProbeOptions noResponder = options.toBuilder().responder(ResponderSelection.NONE).build();
        int code = ExitCodes.LISTENING;
        Deque<Pending> window = new ArrayDeque<>();
        Iterator<PortClaim> next = plan.ports().iterator();
        try {
            while (next.hasNext() || !window.isEmpty()) {
                while (window.size() < plan.parallel() && next.hasNext()) {
                    window.add(launch(plan, resolved, next.next(), options, noResponder));
                }
                Pending head = window.poll();
                PortStatus s = await(head.future);
                code = ExitCodes.combine(code, s.state().exitCode());
                if (text) {
                    boolean ephemeral = options.sourcePort() != 0
                            && head.responder.map(r -> r.usesEphemeralSourcePort(s.protocol())).orElse(false);
                    TextReport.port(s, head.responder, ephemeral).forEach(out::line);
                } else {
                    out.line(JsonReport.port(target, s));
                }
            }
        } finally {
            window.forEach(p -> p.future.cancel(true));
        }
        return code;
    }

    private Pending launch(QueryPlan plan, ResolvedTarget target, PortClaim claim, ProbeOptions options, ProbeOptions noResponder) {
        Optional<ProtocolResponder> r = probe.responderFor(claim.protocol(), claim.port(), options);
        ProbeOptions o = options;
        if (plan.range() && r.isPresent() && r.get().name().equals(ENDPOINT_MAPPER)) {
            o = noResponder;
            r = Optional.empty();
        }
        return new Pending(probe.probe(target, claim.protocol(), claim.port(), o), r);
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new CliException(ExitCodes.FAILURE, "interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UnresolvedTargetException u) {
                throw u;
            }
            if (c instanceof PortQryException p) {
                String where = p.getMessage() != null && p.getMessage().startsWith("source port") ? "-sp: " : "";
                throw new CliException(ExitCodes.FAILURE, where + p.getMessage());
            }
            throw new CliException(ExitCodes.FAILURE, "probe failed: " + c);
        }
    }

    private static boolean isLiteral(String target) {
        String t = target.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return NetUtil.isValidIpV4Address(t) || NetUtil.isValidIpV6Address(t);
    }

    private record Pending(CompletableFuture<PortStatus> future, Optional<ProtocolResponder> responder) {
    }
}
