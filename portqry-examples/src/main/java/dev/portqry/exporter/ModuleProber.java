package dev.portqry.exporter;

import dev.portqry.cli.ResponderSettings;
import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.protocols.msrpc.DynamicPortCheck;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one module against one target within a deadline: resolves the name, checks the
 * allow-list, probes every port at once, judges expectations and, when the module says so,
 * probes the endpoint mapper's dynamic ports. The returned future always completes by the
 * deadline (plus scheduling slack): whatever has not answered then is reported FILTERED and its
 * work is cancelled.
 */
public final class ModuleProber {
    /** Reason given to a port whose probe had not finished at the deadline. */
    static final String DEADLINE_REASON = "no answer within the probe deadline";

    private final PortProbe probe;
    private final ProbeOptions base;
    private final TargetAllowList allowList;
    private final ResponderSettings settings;

    /**
     * @param probe the engine, not null; not closed here
     * @param base the options every probe starts from (timings are shortened to fit a deadline), not null
     * @param allowList the targets that may be probed, not null
     */
    public ModuleProber(PortProbe probe, ProbeOptions base, TargetAllowList allowList) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.base = Objects.requireNonNull(base, "base");
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.settings = new ResponderSettings(probe.responders());
    }

    /**
     * @param module the module, not null
     * @param target a name or IP literal, not blank
     * @param deadline how long the probe may take, positive
     * @return the report; fails with {@link TargetRefusedException} when the allow-list refuses the target
     */
    public CompletableFuture<ProbeReport> run(ProbeModule module, String target, Duration deadline) {
        return run(module, target, deadline, System.nanoTime());
    }

    /**
     * As {@link #run(ProbeModule, String, Duration)}, with the deadline counted from an earlier
     * moment (e.g. when the HTTP request arrived, so time spent queued counts too).
     *
     * @param module the module, not null
     * @param target a name or IP literal, not blank
     * @param deadline how long the probe may take from {@code startNanos}, positive
     * @param startNanos a {@link System#nanoTime()} value
     * @return the report; fails with {@link TargetRefusedException} when the allow-list refuses the target
     */
    public CompletableFuture<ProbeReport> run(ProbeModule module, String target, Duration deadline, long startNanos) {
        long start = startNanos;
        long deadlineNanos = start + deadline.toNanos();
        ProbeOptions options = fit(settings.apply(base, module.settings()), deadline);
        boolean byName = allowList.allowsName(target);
        if (!byName && !allowList.hasAddressRules()) {
            return CompletableFuture.failedFuture(new TargetRefusedException(target + " is not in the allow-list ("
                    + allowList + ")"));
        }
        CompletableFuture<ResolvedTarget> resolving = probe.resolve(target, options);
        return resolving.orTimeout(remaining(deadlineNanos), TimeUnit.NANOSECONDS).handle((resolved, error) -> {
            Duration dns = Duration.ofNanos(System.nanoTime() - start);
            if (error != null) {
                resolving.cancel(false);
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                String why = cause instanceof java.util.concurrent.TimeoutException ? "name not resolved within the deadline"
                        : String.valueOf(cause.getMessage());
                return CompletableFuture.completedFuture(new ProbeReport(module, target, Optional.empty(), dns, List.of(),
                        Optional.empty(), Duration.ofNanos(System.nanoTime() - start), Optional.of(why)));
            }
            if (!byName && !allowList.allowsAddresses(resolved.addresses())) {
                throw new CompletionException(new TargetRefusedException(target + " resolves to "
                        + resolved.addresses().stream().map(a -> io.netty.util.NetUtil.toAddressString(a)).toList()
                        + ", not in the allow-list (" + allowList + ")"));
            }
            return probePorts(module, target, resolved, options, dns, start, deadlineNanos);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<ProbeReport> probePorts(ProbeModule module, String target, ResolvedTarget resolved,
                                                      ProbeOptions options, Duration dns, long start, long deadlineNanos) {
        InetAddress address = resolved.first();
        List<CompletableFuture<PortStatus>> probes = new ArrayList<>();
        List<CompletableFuture<PortResult>> results = new ArrayList<>();
        CompletableFuture<List<PortStatus>> dynamic = null;
        for (ModulePort p : module.ports()) {
            ProbeOptions o = p.expectation().map(t -> HealthModelAdapter.options(t, options, address, p)).orElse(options);
            CompletableFuture<PortStatus> f = probe.probe(resolved, p.protocol(), p.port(), o);
            probes.add(f);
            results.add(f.thenCompose(s -> judge(p, s, o)));
            if (module.rpcDynamicPorts() && p.protocol() == Protocol.TCP && p.port() == 135) {
                dynamic = f.thenCompose(s -> s.state() == PortState.LISTENING
                        ? DynamicPortCheck.check(probe, s, o) : CompletableFuture.completedFuture(null));
            }
        }
        List<CompletableFuture<?>> all = new ArrayList<>(results);
        CompletableFuture<List<PortStatus>> dyn = dynamic;
        if (dyn != null) {
            all.add(dyn);
        }
        CompletableFuture<Void> done = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        return done.orTimeout(remaining(deadlineNanos), TimeUnit.NANOSECONDS).handle((v, e) -> {
            List<PortResult> out = new ArrayList<>();
            for (int i = 0; i < module.ports().size(); i++) {
                PortResult r = results.get(i).getNow(null);
                if (r == null || results.get(i).isCompletedExceptionally()) {
                    probes.get(i).cancel(false);
                    results.get(i).cancel(false);
                    r = unanswered(module.ports().get(i), address, start);
                }
                out.add(r);
            }
            Optional<List<PortStatus>> dynPorts = Optional.empty();
            if (dyn != null) {
                List<PortStatus> d = dyn.isDone() && !dyn.isCompletedExceptionally() ? dyn.getNow(null) : null;
                dyn.cancel(false);
                dynPorts = Optional.ofNullable(d);
            }
            return new ProbeReport(module, target, Optional.of(address), dns, out, dynPorts,
                    Duration.ofNanos(System.nanoTime() - start), Optional.empty());
        });
    }

    private CompletableFuture<PortResult> judge(ModulePort p, PortStatus s, ProbeOptions o) {
        if (p.expectation().isEmpty() || s.state() != PortState.LISTENING) {
            return CompletableFuture.completedFuture(new PortResult(p, s, Optional.empty(), true));
        }
        CompletableFuture<ExpectationResult> e = HealthModelAdapter.evaluate(p.expectation().get(), probe, s, o);
        return e.thenApply(r -> new PortResult(p, s, Optional.of(r), true));
    }

    private static PortResult unanswered(ModulePort p, InetAddress address, long start) {
        PortStatus s = new PortStatus(address, p.protocol(), p.port(), PortState.FILTERED, PortState.FILTERED,
                Optional.empty(), 0, Duration.ofNanos(System.nanoTime() - start), DEADLINE_REASON, Optional.empty());
        return new PortResult(p, s, p.expectation().map(t -> new ExpectationResult(t, false, DEADLINE_REASON)), false);
    }

    /**
     * Shortens the per-attempt waits so that every attempt fits the deadline: TCP's connects and
     * UDP's datagrams share 60% of it, a responder's conversation may use 80%; and turns reverse
     * lookups off.
     */
    static ProbeOptions fit(ProbeOptions o, Duration deadline) {
        long budget = deadline.toMillis();
        Duration tcp = min(o.tcpConnectTimeout(), Duration.ofMillis(Math.max(50, budget * 6 / 10 / o.tcpAttempts())));
        Duration udp = min(o.udpTimeout(), Duration.ofMillis(Math.max(50, budget * 6 / 10 / o.udpAttempts())));
        Duration conv = min(o.responderTimeout(), Duration.ofMillis(Math.max(50, budget * 8 / 10)));
        // No reverse lookup (blackbox makes none either): it would send a PTR query for every
        // probed address to the system's resolver and spend the deadline waiting for it.
        return o.toBuilder().tcpConnectTimeout(tcp).udpTimeout(udp).responderTimeout(conv).reverseLookup(false).build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(1, deadlineNanos - System.nanoTime());
    }
}
