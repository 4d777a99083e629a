package dev.portqry.protocols.ad;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.protocols.kerberos.KerberosResponder;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks every controller of a domain from here, all at once within an in-flight bound: the
 * "Domains and Trusts" ports with their responders, the endpoint mapper's dynamic TCP ports,
 * Kerberos realm and clock skew, LDAPS and GC-SSL certificate days left, SMB signing and the
 * CLDAP netlogon ping. Immutable and thread-safe; one instance serves any number of runs.
 *
 * <pre>{@code
 * DomainMatrix m = DomainCheck.builder().build()
 *         .run(probe, locator.locate("corp.example.test").join(), cell -> System.out.println(cell))
 *         .join();
 * }</pre>
 *
 * <p>The future completes normally once every cell has: each probe ends within its own deadline
 * (the endpoint mapper's dynamic ports follow its dump, so that column takes up to two).
 */
public final class DomainCheck {
    /** PortQryUI's "Domains and Trusts" set (the CLI's {@code -svc domains}). */
    public static final List<PortClaim> DOMAINS_AND_TRUSTS = List.of(
            PortClaim.tcp(135), PortClaim.tcp(389), PortClaim.tcp(636), PortClaim.tcp(3268), PortClaim.tcp(3269),
            PortClaim.tcp(445), PortClaim.tcp(139), PortClaim.tcp(42), PortClaim.tcp(53), PortClaim.udp(53),
            PortClaim.tcp(88), PortClaim.udp(88), PortClaim.udp(389), PortClaim.udp(137), PortClaim.udp(138));
    /** Probes in flight at once across all controllers when the options leave it to the open-file limit. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 128;
    /**
     * The probe options of a check unless given: the library's defaults with two UDP attempts, since
     * a DC answering 20 connections at once (Samba's LDAP task does TLS too) can be slower than
     * one UDP timeout.
     */
    public static final ProbeOptions DEFAULT_OPTIONS = ProbeOptions.builder().udpAttempts(2).build();
    /** A certificate with fewer days left is a warning. */
    public static final int DEFAULT_CERT_WARN_DAYS = 30;

    private final List<PortClaim> ports;
    private final ProbeOptions options;
    private final int maxInFlight;
    private final int certWarnDays;

    private DomainCheck(Builder b) {
        this.ports = b.ports;
        this.options = b.options;
        this.maxInFlight = b.options.maxInFlight() > 0 ? b.options.maxInFlight() : DEFAULT_MAX_IN_FLIGHT;
        this.certWarnDays = b.certWarnDays;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the columns of a run, in order: the ports, then the checks built on ports in the set,
     *     then the CLDAP ping
     */
    public List<CheckColumn> columns() {
        List<CheckColumn> out = new ArrayList<>();
        ports.forEach(p -> out.add(CheckColumn.port(p.protocol(), p.port())));
        derived().keySet().forEach(out::add);
        out.add(CheckColumn.CLDAP_PING);
        return List.copyOf(out);
    }

    /** The derived columns whose port is in the set, and the port each reads. */
    private Map<CheckColumn, PortClaim> derived() {
        Map<CheckColumn, PortClaim> out = new LinkedHashMap<>();
        putIf(out, CheckColumn.RPC_DYNAMIC, PortClaim.tcp(135));
        if (!putIf(out, CheckColumn.KERBEROS, PortClaim.tcp(88))) {
            putIf(out, CheckColumn.KERBEROS, PortClaim.udp(88));
        }
        putIf(out, CheckColumn.LDAPS_CERT, PortClaim.tcp(636));
        putIf(out, CheckColumn.GC_SSL_CERT, PortClaim.tcp(3269));
        putIf(out, CheckColumn.SMB_SIGNING, PortClaim.tcp(445));
        return out;
    }

    private boolean putIf(Map<CheckColumn, PortClaim> out, CheckColumn c, PortClaim p) {
        if (ports.contains(p)) {
            out.put(c, p);
            return true;
        }
        return false;
    }

    /**
     * Runs every check on every controller.
     *
     * @param probe the probe engine, not null
     * @param dcs what discovery found, not null
     * @param listener gets each cell as it completes, on an I/O thread (keep it short); not null
     * @return the matrix once every cell is in; completes normally
     */
    public CompletableFuture<DomainMatrix> run(PortProbe probe, DomainControllers dcs, Consumer<DomainCell> listener) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(dcs, "dcs");
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        List<CheckColumn> columns = columns();
        InFlightLimit limit = new InFlightLimit(maxInFlight);
        List<CompletableFuture<DomainMatrix.Row>> rows = new ArrayList<>();
        for (DomainController dc : dcs.controllers()) {
            rows.add(new RowRun(probe, dcs.domain(), dc, columns, limit, listener).start());
        }
        return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new)).thenApply(v -> new DomainMatrix(dcs, columns,
                rows.stream().map(CompletableFuture::join).toList(), Duration.ofNanos(System.nanoTime() - t0)));
    }

    /** One controller's checks. */
    private final class RowRun {
        private final PortProbe probe;
        private final DomainController dc;
        private final List<CheckColumn> columns;
        private final InFlightLimit limit;
        private final Consumer<DomainCell> listener;
        private final Optional<InetAddress> address;
        private final ResolvedTarget target;
        private final ProbeOptions opts;
        private final Map<String, DomainCell> cells = new ConcurrentHashMap<>();
        private final long t0 = System.nanoTime();

        RowRun(PortProbe probe, String domain, DomainController dc, List<CheckColumn> columns, InFlightLimit limit,
               Consumer<DomainCell> listener) {
            this.probe = probe;
            this.dc = dc;
            this.columns = columns;
            this.limit = limit;
            this.listener = listener;
            this.address = dc.addresses().stream().findFirst();
            this.target = address.map(a -> new ResolvedTarget(dc.hostName(), false, List.of(a), Optional.empty())).orElse(null);
            this.opts = options.toBuilder().responder(ResponderSelection.AUTO)
                    .set(KerberosResponder.REALM, domain.toUpperCase(Locale.ROOT))
                    .set(NetlogonPingResponder.DOMAIN, domain).build();
        }

        CompletableFuture<DomainMatrix.Row> start() {
            if (target == null) {
                for (CheckColumn c : columns) {
                    emit(c, new CellRules.Verdict(CellState.ERROR, "", dc.addressProblem().isEmpty() ? "no address" : dc.addressProblem()));
                }
                return CompletableFuture.completedFuture(row());
            }
            Map<CheckColumn, PortClaim> derived = derived();
            List<CompletableFuture<?>> all = new ArrayList<>();
            Map<PortClaim, CompletableFuture<PortStatus>> byPort = new LinkedHashMap<>();
            for (PortClaim p : ports) {
                CompletableFuture<PortStatus> f = probe(p.protocol(), p.port(), opts);
                byPort.put(p, f);
                all.add(f.handle((s, e) -> emit(CheckColumn.port(p.protocol(), p.port()),
                        e != null ? error(e) : CellRules.port(s))));
            }
            derived.forEach((col, port) -> {
                CompletableFuture<PortStatus> f = byPort.get(port);
                if (col == CheckColumn.RPC_DYNAMIC) {
                    all.add(f.handle((s, e) -> s).thenCompose(this::dynamic).handle((v, e) -> emit(col, e != null ? error(e) : v)));
                } else {
                    Function<PortStatus, CellRules.Verdict> rule = rule(col);
                    all.add(f.handle((s, e) -> emit(col, e != null ? error(e) : rule.apply(s))));
                }
            });
            ProbeOptions ping = opts.toBuilder().responder(ResponderSelection.forced(NetlogonPingResponder.NAME)).build();
            all.add(probe(Protocol.UDP, 389, ping).handle((s, e) -> emit(CheckColumn.CLDAP_PING,
                    e != null ? error(e) : CellRules.netlogon(s))));
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> row());
        }

        private Function<PortStatus, CellRules.Verdict> rule(CheckColumn col) {
            if (col == CheckColumn.KERBEROS) {
                return CellRules::kerberos;
            }
            if (col == CheckColumn.SMB_SIGNING) {
                return CellRules::smbSigning;
            }
            return s -> CellRules.certificate(s, certWarnDays);
        }

        private CompletableFuture<CellRules.Verdict> dynamic(PortStatus epm) {
            if (epm == null) {
                return CompletableFuture.completedFuture(new CellRules.Verdict(CellState.ERROR, "", "endpoint mapper probe failed"));
            }
            Optional<CellRules.Verdict> pre = CellRules.dynamicPrecheck(epm);
            if (pre.isPresent()) {
                return CompletableFuture.completedFuture(pre.get());
            }
            ProbeOptions plain = opts.toBuilder().responder(ResponderSelection.NONE).build();
            List<CompletableFuture<PortStatus>> fs = new ArrayList<>();
            epm.result(EndpointMapperResult.class).orElseThrow().tcpPorts().stream().distinct().sorted()
                    .filter(p -> p != epm.port()).forEach(p -> fs.add(probe(Protocol.TCP, p, plain)));
            return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new))
                    .thenApply(v -> CellRules.dynamic(fs.stream().map(CompletableFuture::join).toList()));
        }

        private CompletableFuture<PortStatus> probe(Protocol protocol, int port, ProbeOptions o) {
            return limit.submit(() -> probe.probe(target, protocol, port, o));
        }

        private CellRules.Verdict error(Throwable e) {
            Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            return new CellRules.Verdict(CellState.ERROR, "", c.getClass().getSimpleName() + ": " + c.getMessage());
        }

        private Void emit(CheckColumn column, CellRules.Verdict v) {
            DomainCell cell = new DomainCell(dc.hostName(), address, column, v.state(), v.value(), v.reason(),
                    Duration.ofNanos(System.nanoTime() - t0));
            cells.put(column.key(), cell);
            try {
                listener.accept(cell);
            } catch (RuntimeException e) {
                // A listener's fault must not stop the run.
            }
            return null;
        }

        private DomainMatrix.Row row() {
            List<DomainCell> out = new ArrayList<>();
            for (CheckColumn c : columns) {
                DomainCell cell = cells.get(c.key());
                out.add(cell != null ? cell : new DomainCell(dc.hostName(), address, c, CellState.ERROR, "", "not run", Duration.ZERO));
            }
            return new DomainMatrix.Row(dc, address, out);
        }
    }

    /** Builds a {@link DomainCheck}. */
    public static final class Builder {
        private List<PortClaim> ports = DOMAINS_AND_TRUSTS;
        private ProbeOptions options = DEFAULT_OPTIONS;
        private int certWarnDays = DEFAULT_CERT_WARN_DAYS;

        private Builder() {
        }

        /**
         * @param ports the port columns, in order; not empty; default {@link #DOMAINS_AND_TRUSTS}
         * @return this builder
         */
        public Builder ports(List<PortClaim> ports) {
            Objects.requireNonNull(ports, "ports");
            if (ports.isEmpty()) {
                throw new IllegalArgumentException("ports must not be empty");
            }
            this.ports = List.copyOf(new java.util.LinkedHashSet<>(ports));
            return this;
        }

        /**
         * @param options timeouts and attempts of every probe (default {@link #DEFAULT_OPTIONS}); responder selection is set per check;
         *        {@link ProbeOptions#maxInFlight()} bounds the probes in flight (0: {@link #DEFAULT_MAX_IN_FLIGHT})
         * @return this builder
         */
        public Builder options(ProbeOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param days certificates with fewer days left are a warning, 0-3650; default {@link #DEFAULT_CERT_WARN_DAYS}
         * @return this builder
         */
        public Builder certWarnDays(int days) {
            if (days < 0 || days > 3650) {
                throw new IllegalArgumentException("certWarnDays must be 0-3650, was " + days);
            }
            this.certWarnDays = days;
            return this;
        }

        /** @return the check */
        public DomainCheck build() {
            return new DomainCheck(this);
        }
    }
}
