package dev.portqry.core;

import dev.portqry.core.internal.CompletionRelay;
import dev.portqry.core.internal.UdpPacer;
import dev.portqry.core.internal.FutureGuard;
import dev.portqry.core.internal.NettyVersionCheck;
import dev.portqry.core.internal.ProbeEngine;
import dev.portqry.core.internal.ProbeEvents;
import dev.portqry.core.internal.TargetResolver;
import dev.portqry.core.internal.Transport;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Answers "is this port really open, and what is listening there?": the entry point of the
 * library. Thread-safe; share one instance and {@link #close()} it when done.
 *
 * <pre>{@code
 * try (PortProbe probe = PortProbe.builder().build()) {
 *     PortStatus s = probe.probe("dc1.corp.example.test", Protocol.UDP, 389).join();
 *     System.out.println(s.state() + " - " + s.reason());
 *     s.result(RootDseResult.class).ifPresent(dse -> System.out.println(dse.dnsHostName().orElse("-")));
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> Probes run on Netty event loops ({@code portqry-N-M} threads, one per core
 * by default); names resolve on {@code portqry-resolver} threads. Unless the builder was given a
 * {@link Builder#completionExecutor(java.util.concurrent.Executor) completion executor}, every
 * future this class returns completes on the event loop thread that finished the work, or on the
 * calling thread when it is already complete: a dependent stage that blocks ({@code thenApply}
 * doing I/O, a {@code join()} on another probe) then stalls every probe on that loop. Either keep
 * such stages non-blocking, use the {@code *Async} variants with your executor, or build the
 * probe with a completion executor. {@link ScanListener}s are always called on event loops.
 *
 * <p>Every network outcome (refused, ICMP errors, silence, a datagram the local firewall
 * refuses to send) completes the future normally with a {@link PortStatus}; it completes
 * exceptionally only for real faults: a name that does not resolve
 * ({@link UnresolvedTargetException}), a source port that cannot be bound or a socket that
 * cannot be created, e.g. at the open-file limit ({@link PortQryException}). Cancelling a
 * returned future cancels the probe and frees its socket.
 *
 * <p><b>Every returned future completes.</b> Whatever fails (a responder or listener that
 * throws, an event loop that shuts down, a bug), a probe's future completes within
 * {@link #deadline(Protocol, ProbeOptions)} plus {@link #GRACE}: with a status, an exception
 * (a {@link PortQryException} caused by a {@link TimeoutException} when only the watchdog
 * ended it) or a cancellation, and its socket is closed. A name's resolution adds at most
 * {@link #RESOLVE_DEADLINE}.
 *
 * <p><b>Errors at the call and after it.</b> What can be checked when a method is called
 * throws at once, the same for every overload: a null or out-of-range argument, a forced
 * responder that does not exist or does not support the protocol
 * ({@link IllegalArgumentException}), a call after {@link #close()}
 * ({@link IllegalStateException} "PortProbe is closed"). Whatever happens after the call
 * returns fails the future with the original cause: a future still running when
 * {@link #close()} is called (or when a borrowed event loop group shuts down) fails with
 * {@link IllegalStateException}.
 */
public final class PortProbe implements AutoCloseable {
    /** The slack past a future's deadline before the watchdog ends it: 1 s. */
    public static final Duration GRACE = Duration.ofSeconds(1);
    /** The longest a name's resolution may take before its future fails: 30 s (the OS resolver's own worst case with default settings). */
    public static final Duration RESOLVE_DEADLINE = Duration.ofSeconds(30);
    private static final String CLOSED = "PortProbe is closed";

    private final FutureGuard guard = new FutureGuard();
    /** Where handed-out futures complete; null: on the event loop that finished the work. */
    private final Executor completionExecutor;
    private volatile boolean closed;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ProbeEngine engine;
    private final TargetResolver resolver;
    private final ProbeOptions defaults;
    private final ServiceNames services;
    private final ResponderRegistry responders;
    private final ProbeEvents events;

    private PortProbe(Builder b) {
        this.events = new ProbeEvents(b.listener);
        if (b.group != null) {
            this.group = b.group;
            this.ownsGroup = false;
            this.engine = new ProbeEngine(group, Transport.of(group), b.alloc, events);
        } else {
            Transport t = Transport.preferred();
            // One event loop per core: a probe's cost is mostly its socket system calls, and more
            // loops than cores only contend (65,535 loopback probes: 1.6 s with 4 loops, 1.3 s with 2).
            this.group = t.newGroup(b.ioThreads > 0 ? b.ioThreads : Runtime.getRuntime().availableProcessors());
            this.ownsGroup = true;
            this.engine = new ProbeEngine(group, t, b.alloc, events);
        }
        this.completionExecutor = b.completionExecutor;
        this.resolver = new TargetResolver(b.resolverThreads);
        this.defaults = b.options;
        this.services = b.services != null ? b.services : ServiceNames.system();
        this.responders = b.responders != null ? b.responders : ResponderRegistry.loadDefault();
        // A borrowed group shut down by its owner (or ours, at close) ends every pending future.
        group.terminationFuture().addListener(f -> guard.stop(
                () -> new IllegalStateException(CLOSED + ": its event loop group was shut down")));
    }

    /**
     * The longest one probe may take under these options, without name resolution: every TCP
     * attempt's connect timeout (one more under {@link ConnectionMode#SEPARATE}) plus the
     * responder's timeout, or every UDP attempt's timeout
     * for step 1 and again for step 2. A probe's future completes within this plus
     * {@link #GRACE}, whatever fails.
     *
     * @param protocol TCP or UDP, not null
     * @param options the options, not null
     * @return the deadline
     */
    public static Duration deadline(Protocol protocol, ProbeOptions options) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        // ConnectionMode.SEPARATE connects once more for the query.
        long connects = options.tcpAttempts() + (options.connectionMode() == ConnectionMode.SEPARATE ? 1L : 0L);
        return protocol == Protocol.TCP
                ? options.tcpConnectTimeout().multipliedBy(connects).plus(options.responderTimeout())
                : options.effectiveUdpTimeout().multipliedBy(2L * options.udpAttempts());
    }

    /** Fails fast, before any work, when {@link #close()} was called or the event loops are shutting down. */
    private void checkOpen() {
        if (closed || guard.isStopped() || group.isShuttingDown()) {
            throw new IllegalStateException(CLOSED);
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static PortQryException overdue(String what, Duration deadline) {
        return new PortQryException(what + " did not complete within its deadline of " + deadline.toMillis()
                + " ms plus " + GRACE.toMillis() + " ms: ended by the watchdog (an engine or responder fault)",
                new TimeoutException(what));
    }

    /** @return a builder with the defaults: own event loops, system services file, responders from the class path */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the options used when a call passes none */
    public ProbeOptions defaultOptions() {
        return defaults;
    }

    /** @return the service names used for status lines and responder selection */
    public ServiceNames serviceNames() {
        return services;
    }

    /** @return the responders step 2 may use */
    public ResponderRegistry responders() {
        return responders;
    }

    /** @return {@code epoll} or {@code nio}: the transport in use */
    public String transportName() {
        return engine.transport().name();
    }

    /**
     * Resolves a target name (or parses an IP literal) without blocking any event loop.
     *
     * @param target a name or IP literal (IPv6 optionally in brackets), not blank
     * @param options the IP preference and reverse-lookup switch to use
     * @return the addresses; fails with {@link UnresolvedTargetException} when none resolve or
     *     resolution takes over {@link #RESOLVE_DEADLINE}
     * @throws IllegalArgumentException when {@code target} is blank
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<ResolvedTarget> resolve(String target, ProbeOptions options) {
        return CompletionRelay.relay(resolveWatched(target, options), completionExecutor);
    }

    /**
     * As {@link #resolve(String, ProbeOptions)} with the default options.
     *
     * @param target a name or IP literal (IPv6 optionally in brackets), not blank
     * @return the addresses
     * @throws IllegalArgumentException when {@code target} is blank
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<ResolvedTarget> resolve(String target) {
        return resolve(target, defaults);
    }

    private CompletableFuture<ResolvedTarget> resolveWatched(String target, ProbeOptions options) {
        Objects.requireNonNull(options, "options");
        checkOpen();
        CompletableFuture<ResolvedTarget> f;
        events.resolutionStart(target);
        try {
            f = resolver.resolve(target, options.ipPreference(), options.reverseLookup());
        } catch (RejectedExecutionException e) {
            f = CompletableFuture.failedFuture(new IllegalStateException(CLOSED, e)); // close() raced this call
        }
        // Reported before anyone waiting on the result runs (a probe of the name starts after it).
        CompletableFuture<ResolvedTarget> reported = new CompletableFuture<>();
        f.whenComplete((t, e) -> {
            if (e == null) {
                events.resolutionEnd(target, t);
                reported.complete(t);
            } else {
                events.resolutionFailed(target, unwrap(e));
                reported.completeExceptionally(e);
            }
        });
        return guard.watch(reported, RESOLVE_DEADLINE, () -> new UnresolvedTargetException(target,
                "name resolution of " + SafeText.escape(target) + " did not finish within " + RESOLVE_DEADLINE.toSeconds() + " s",
                new TimeoutException("resolve")));
    }

    /**
     * The responder step 2 would use for a port under these options.
     *
     * @param protocol the transport, not null
     * @param port the port, 1-65535
     * @param options the options (their responder selection), not null
     * @return the responder, empty when none applies or selection is {@link ResponderSelection#NONE}
     * @throws IllegalArgumentException when a forced responder does not exist or cannot use {@code protocol}
     */
    public Optional<ProtocolResponder> responderFor(Protocol protocol, int port, ProbeOptions options) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        PortSpec.checkPort(port);
        ResponderSelection sel = options.responderSelection();
        if (sel instanceof ResponderSelection.None) {
            return Optional.empty();
        }
        if (sel instanceof ResponderSelection.Forced forced) {
            ProtocolResponder r = responders.byName(forced.name())
                    .orElseThrow(() -> new IllegalArgumentException("responder must be one of "
                            + responders.responders().stream().map(ProtocolResponder::name).toList()
                            + ", was " + forced.name()));
            if (!r.supports(protocol)) {
                throw new IllegalArgumentException("responder " + r.name() + " does not support " + protocol);
            }
            return Optional.of(r);
        }
        Optional<String> service = services.name(protocol, port);
        return sel instanceof ResponderSelection.AutoExcept except
                ? responders.select(protocol, port, service, except.excluded())
                : responders.select(protocol, port, service);
    }

    /**
     * Probes one port of a name or IP literal with the default options: resolves it, then probes
     * the first address the IP preference allows.
     *
     * @param target a name or IP literal, not blank
     * @param protocol TCP or UDP, not null
     * @param port 1-65535
     * @return the status
     */
    public CompletableFuture<PortStatus> probe(String target, Protocol protocol, int port) {
        return probe(target, protocol, port, defaults);
    }

    /**
     * As {@link #probe(String, Protocol, int)} with explicit options.
     *
     * @param target a name or IP literal, not blank
     * @param protocol TCP or UDP, not null
     * @param port 1-65535
     * @param options how to probe, not null
     * @return the status; fails with {@link UnresolvedTargetException} when the name does not resolve
     * @throws IllegalArgumentException when an argument is out of range or the options' forced
     *     responder does not exist or does not support {@code protocol} (as the address overloads)
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<PortStatus> probe(String target, Protocol protocol, int port, ProbeOptions options) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        PortSpec.checkPort(port);
        checkOpen();
        responderFor(protocol, port, options); // refuse bad options now, as the InetAddress overloads do
        CompletableFuture<PortStatus> out = new CompletableFuture<>();
        CompletableFuture<ResolvedTarget> resolved = resolveWatched(target, options);
        resolved.whenComplete((t, e) -> {
            if (e != null) {
                out.completeExceptionally(unwrap(e));
                return;
            }
            CompletableFuture<PortStatus> inner;
            try {
                inner = probeWatched(t.first(), t.name(), protocol, port, options);
            } catch (RuntimeException x) {
                out.completeExceptionally(x); // e.g. close() between resolution and probe
                return;
            }
            out.whenComplete((s, x) -> inner.cancel(false));
            inner.whenComplete((s, x) -> {
                if (x != null) {
                    out.completeExceptionally(unwrap(x));
                } else {
                    out.complete(s);
                }
            });
        });
        out.whenComplete((s, x) -> resolved.cancel(false));
        Duration deadline = RESOLVE_DEADLINE.plus(deadline(protocol, options)).plus(GRACE);
        return CompletionRelay.relay(guard.watch(out, deadline, () -> overdue("probe of " + protocol + " " + port, deadline)),
                completionExecutor);
    }

    /**
     * Probes one port of a resolved target's first address; responders see the target's name.
     *
     * @param target a resolved target, not null
     * @param protocol TCP or UDP, not null
     * @param port 1-65535
     * @param options how to probe, not null
     * @return the status
     */
    public CompletableFuture<PortStatus> probe(ResolvedTarget target, Protocol protocol, int port, ProbeOptions options) {
        Objects.requireNonNull(target, "target");
        return CompletionRelay.relay(probeWatched(target.first(), target.name(), protocol, port, options), completionExecutor);
    }

    /**
     * Probes one port of an address with the default options.
     *
     * @param address the address, not null
     * @param protocol TCP or UDP, not null
     * @param port 1-65535
     * @return the status
     */
    public CompletableFuture<PortStatus> probe(InetAddress address, Protocol protocol, int port) {
        return probe(address, protocol, port, defaults);
    }

    /**
     * Probes one port of an address.
     *
     * @param address the address, not null
     * @param protocol TCP or UDP, not null
     * @param port 1-65535
     * @param options how to probe, not null
     * @return the status
     */
    public CompletableFuture<PortStatus> probe(InetAddress address, Protocol protocol, int port, ProbeOptions options) {
        return CompletionRelay.relay(probeWatched(address, Optional.empty(), protocol, port, options), completionExecutor);
    }

    private CompletableFuture<PortStatus> probeWatched(InetAddress address, Optional<String> name, Protocol protocol,
                                                       int port, ProbeOptions options) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        PortSpec.checkPort(port);
        checkOpen();
        Optional<ProtocolResponder> responder = responderFor(protocol, port, options);
        CompletableFuture<PortStatus> f = engine.probe(new InetSocketAddress(address, port), protocol, options, responder,
                services.name(protocol, port), name);
        Duration deadline = deadline(protocol, options);
        return guard.watch(f, deadline.plus(GRACE),
                () -> overdue("probe of " + protocol + " " + address.getHostAddress() + ":" + port, deadline));
    }

    /**
     * Scans many ports of one target, streaming results to {@code listener} as they complete,
     * with at most {@link ProbeOptions#maxInFlight()} probes in flight (never above the
     * open-file limit when derived). Silent UDP ports of a host that rate-limits ICMP are
     * re-probed at its pace unless {@link ProbeOptions#udpPacing()} is {@link UdpPacing#OFF}.
     *
     * <pre>{@code
     * Scan scan = probe.scan(target, PortSpec.range(Protocol.TCP, 1, 1024), opts, new ScanListener() {
     *     public void onResultInOrder(int i, PortStatus s) { System.out.println(s.portQryLine()); }
     * });
     * List<PortStatus> all = scan.completion().join();
     * }</pre>
     *
     * @param target a resolved target, not null
     * @param ports the ports, in the order results are reported; not null, no null element
     * @param options how to probe each port, not null
     * @param listener receives results; not null (use {@code new ScanListener() {}} for none);
     *     what it throws is caught, logged once at WARN and counted ({@link Scan#listenerFailures()})
     * @return the running scan; its {@link Scan#completion()} completes within a deadline of one
     *     {@link #deadline(Protocol, ProbeOptions)} per wave of {@code maxInFlight} probes (plus
     *     twice the UDP pacing budget when pacing runs) plus {@link #GRACE}
     * @throws IllegalStateException after {@link #close()}
     */
    public Scan scan(ResolvedTarget target, List<PortSpec> ports, ProbeOptions options, ScanListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        for (PortSpec spec : ports) {
            Objects.requireNonNull(spec, "ports must not hold null");
        }
        checkOpen();
        int limit = options.maxInFlight() > 0 ? options.maxInFlight() : dev.portqry.core.internal.FileLimits.defaultMaxInFlight();
        List<PortSpec> specs = List.copyOf(ports);
        IntFunction<CompletableFuture<PortStatus>> launcher = i -> {
            PortSpec spec = specs.get(i);
            try {
                return probeWatched(target.first(), target.name(), spec.protocol(), spec.port(), options);
            } catch (RuntimeException e) {
                // closed meanwhile, or refused options: the scan fails with it (never thrown on an event loop)
                return CompletableFuture.failedFuture(e);
            }
        };
        UdpPacer pacer = options.udpPacing() == UdpPacing.ADAPTIVE && !target.first().isLoopbackAddress()
                ? new UdpPacer(launcher, group.next(), options) : null;
        Scan scan = new Scan(specs, limit, listener, launcher, pacer, completionExecutor);
        Duration deadline = scanDeadline(specs.size(), limit, options, pacer != null);
        guard.watch(scan.completion(), deadline.plus(GRACE), () -> overdue("scan of " + specs.size() + " ports", deadline));
        scan.start();
        return scan;
    }

    /**
     * Resolves a name, then scans it: {@link #resolve(String, ProbeOptions)} and
     * {@link #scan(ResolvedTarget, List, ProbeOptions, ScanListener)} in one call.
     *
     * <pre>{@code
     * List<PortStatus> all = probe.scan("dc1.corp.example.test", PortSpec.range(Protocol.TCP, 1, 1024),
     *         probe.defaultOptions(), ScanListener.NONE).join();
     * }</pre>
     *
     * @param target a name or IP literal, not blank
     * @param ports the ports, in the order results are reported; not null, no null element
     * @param options how to resolve and probe, not null
     * @param listener receives results as in the other overload; not null ({@link ScanListener#NONE} for none)
     * @return every status in list order; fails with {@link UnresolvedTargetException} when the name
     *     does not resolve; cancelling it cancels the scan
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<List<PortStatus>> scan(String target, List<PortSpec> ports, ProbeOptions options,
                                                    ScanListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        checkOpen();
        CompletableFuture<List<PortStatus>> out = new CompletableFuture<>();
        CompletableFuture<ResolvedTarget> resolved = resolveWatched(target, options);
        resolved.whenComplete((t, e) -> {
            if (e != null) {
                out.completeExceptionally(unwrap(e));
                return;
            }
            Scan scan;
            try {
                scan = scan(t, ports, options, listener);
            } catch (RuntimeException x) {
                out.completeExceptionally(x);
                return;
            }
            out.whenComplete((r, x) -> scan.cancel());
            scan.completion().whenComplete((r, x) -> {
                if (x != null) {
                    out.completeExceptionally(unwrap(x));
                } else {
                    out.complete(r);
                }
            });
        });
        out.whenComplete((r, x) -> resolved.cancel(false));
        return CompletionRelay.relay(guard.watch(out, null, null), completionExecutor);
    }

    /**
     * As {@link #scan(String, List, ProbeOptions, ScanListener)} with the default options and no listener.
     *
     * @param target a name or IP literal, not blank
     * @param ports the ports; not null, no null element
     * @return every status in list order
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<List<PortStatus>> scan(String target, List<PortSpec> ports) {
        return scan(target, ports, defaults, ScanListener.NONE);
    }

    /** Waves of {@code limit} probes, each bounded by the slower protocol's deadline, plus the pacing budget. */
    private static Duration scanDeadline(int ports, int limit, ProbeOptions options, boolean paced) {
        long waves = Math.max(1, (ports + (long) limit - 1) / limit);
        Duration each = deadline(Protocol.TCP, options).compareTo(deadline(Protocol.UDP, options)) > 0
                ? deadline(Protocol.TCP, options) : deadline(Protocol.UDP, options);
        return each.multipliedBy(waves).plus(paced ? options.udpPacingBudget().multipliedBy(2) : Duration.ZERO);
    }

    /**
     * Fails every future still pending with {@link IllegalStateException} "PortProbe is closed"
     * (closing their sockets), stops the resolver and, when this probe created them, the event
     * loops; waits up to 5 s. Every later call throws that exception. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        guard.stop(() -> new IllegalStateException(CLOSED));
        resolver.close();
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Builds a {@link PortProbe}. */
    public static final class Builder {
        private EventLoopGroup group;
        private int ioThreads;
        private int resolverThreads = 4;
        private ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
        private ProbeOptions options = ProbeOptions.defaults();
        private ServiceNames services;
        private ResponderRegistry responders;
        private Executor completionExecutor;
        private ProbeListener listener = ProbeListener.NONE;

        private Builder() {
        }

        /**
         * Where the futures this probe hands out complete. By default they complete on the Netty
         * event loop thread ({@code portqry-N-M}) that finished the work, so a dependent stage
         * ({@code thenApply}, {@code thenAccept}, ...) that blocks stalls that loop's other probes.
         * With an executor, every future returned by {@code probe}, {@code resolve} and
         * {@code scan}, and {@link Scan#completion()}, completes on it instead; an executor that
         * refuses the task has it run on the event loop. {@link ScanListener}s are still called on
         * the event loop.
         *
         * @param executor for example {@code Executors.newVirtualThreadPerTaskExecutor()} on Java
         *     21, or the application's own pool; not null
         * @return this builder
         */
        public Builder completionExecutor(Executor executor) {
            this.completionExecutor = Objects.requireNonNull(executor, "completionExecutor");
            return this;
        }

        /**
         * Observes every probe, event by event (metrics, tracing). What it throws is caught and
         * logged (the first throw at WARN) and changes no verdict.
         *
         * @param listener the listener, not null; default {@link ProbeListener#NONE}
         * @return this builder
         */
        public Builder listener(ProbeListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Borrows an event loop group (epoll or NIO); {@link PortProbe#close()} leaves it running.
         *
         * @param group the group, not null
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = Objects.requireNonNull(group, "eventLoopGroup");
            return this;
        }

        /**
         * @param threads event loop threads of an owned group, 0-256; 0 (the default) means one per core
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            if (threads < 0 || threads > 256) {
                throw new IllegalArgumentException("ioThreads must be 0-256, was " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        /**
         * @param threads name resolutions in flight at once, 1-64; default 4
         * @return this builder
         */
        public Builder resolverThreads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("resolverThreads must be 1-64, was " + threads);
            }
            this.resolverThreads = threads;
            return this;
        }

        /**
         * @param alloc the buffer allocator; default {@link PooledByteBufAllocator#DEFAULT}
         * @return this builder
         */
        public Builder allocator(ByteBufAllocator alloc) {
            this.alloc = Objects.requireNonNull(alloc, "allocator");
            return this;
        }

        /**
         * @param options used when a call passes none; default {@link ProbeOptions#defaults()}
         * @return this builder
         */
        public Builder defaultOptions(ProbeOptions options) {
            this.options = Objects.requireNonNull(options, "defaultOptions");
            return this;
        }

        /**
         * @param services service names; default {@link ServiceNames#system()}
         * @return this builder
         */
        public Builder serviceNames(ServiceNames services) {
            this.services = Objects.requireNonNull(services, "serviceNames");
            return this;
        }

        /**
         * @param responders the responders step 2 may use; default {@link ResponderRegistry#loadDefault()}
         * @return this builder
         */
        public Builder responders(ResponderRegistry responders) {
            this.responders = Objects.requireNonNull(responders, "responders");
            return this;
        }

        /**
         * @return a new probe
         * @throws IllegalStateException when the Netty on the class path is not 4.2: the message names
         *     each module found, its jar, and the fix (import {@code io.netty:netty-bom:4.2.18.Final})
         */
        public PortProbe build() {
            NettyVersionCheck.require();
            return new PortProbe(this);
        }
    }
}
