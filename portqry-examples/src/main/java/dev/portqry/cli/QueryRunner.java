package dev.portqry.cli;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortQryException;
import dev.portqry.core.PortSpec;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.Scan;
import dev.portqry.core.SafeText;
import dev.portqry.core.ScanListener;
import dev.portqry.core.UnresolvedTargetException;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.Protocol;
import dev.portqry.protocols.kerberos.KerberosRealms;
import dev.portqry.protocols.kerberos.KerberosResponder;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.protocols.msrpc.DynamicPortCheck;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import dev.portqry.protocols.snmp.SnmpResponder;
import io.netty.util.NetUtil;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link QueryPlan}: for each target, PortQry's resolution lines, then every port in
 * PortQry's order. Probes run as one {@link Scan} of the engine (at most
 * {@link QueryPlan#parallel()} in flight, or the engine's bound from the open-file limit when 0)
 * and print in order as soon as every port before them is done.
 */
final class QueryRunner {
    /** How long the console may hold lines while the next port in order is still running. */
    private static final long FLUSH_MS = 100;
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

    /**
     * Interactive mode's {@code query}: no {@code Querying target system called:} frame; per port,
     * for a shortcut PortQry's {@code resolving service name using local services file...} and
     * {@code <P> port resolved to the '<name>' service} lines, the resolution result, {@code querying...},
     * the port's block and a blank line before the next prompt.
     *
     * @param plan one target and the ports to query
     * @param shortcut whether the ports come from a query shortcut ({@code q dns})
     * @return the highest exit code of the ports
     */
    int runInteractive(QueryPlan plan, boolean shortcut) {
        ProbeOptions options = new ResponderSettings(probe.responders()).apply(plan.options(), plan.settings());
        String target = plan.targets().get(0);
        ResolvedTarget resolved;
        try {
            resolved = await(probe.resolve(target, options));
        } catch (UnresolvedTargetException e) {
            out.line("");
            out.line("Failed to resolve name to IP address");
            out.line("");
            return ExitCodes.UNRESOLVED;
        }
        options = withKerberosRealm(plan, options, resolved);
        int code = ExitCodes.LISTENING;
        for (PortClaim c : plan.ports()) {
            if (shortcut) {
                out.line("resolving service name using local services file...");
                out.line(c.protocol() + " port resolved to the '" + PortQryServiceNames.name(c.protocol(), c.port(),
                        probe.serviceNames().name(c.protocol(), c.port())) + "' service");
            }
            List<String> resolution = TextReport.resolution(resolved, options.reverseLookup());
            resolution.forEach(out::line);
            if (shortcut && resolution.isEmpty()) {
                out.line("");
            }
            out.line("querying...");
            out.line("");
            QueryPlan one = new QueryPlan(plan.targets(), List.of(c), false, plan.options(), plan.settings(), false, false,
                    plan.parallel());
            code = ExitCodes.combine(code, scan(one, options, target, resolved, true));
            out.line("");
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
            out.error("portqry: -n " + SafeText.escape(target) + ": " + SafeText.escape(e.getMessage())
                    + " (exit code " + ExitCodes.UNRESOLVED + ")");
            return ExitCodes.UNRESOLVED;
        }
        if (text) {
            TextReport.resolved(resolved, options.reverseLookup(), plan.quiet()).forEach(out::line);
        }
        options = withKerberosRealm(plan, options, resolved);
        return scan(plan, options, target, resolved, text);
    }

    /** Probes the plan's ports on one resolved target and prints each port's block, blank lines between. */
    private int scan(QueryPlan plan, ProbeOptions options, String target, ResolvedTarget resolved, boolean text) {
        ProbeOptions scanOptions = options.toBuilder().maxInFlight(plan.parallel())
                .responder(plan.range() && options.responderSelection().equals(ResponderSelection.AUTO)
                        ? ResponderSelection.autoExcept(ENDPOINT_MAPPER) : options.responderSelection())
                .build();
        List<PortSpec> specs = plan.ports().stream().map(c -> new PortSpec(c.protocol(), c.port())).toList();
        BlockingQueue<PortStatus> inOrder = new LinkedBlockingQueue<>();
        Scan scan = probe.scan(resolved, specs, scanOptions, new ScanListener() {
            @Override
            public void onResultInOrder(int index, PortStatus status) {
                inOrder.add(status);
            }
        });
        String community = options.setting(SnmpResponder.COMMUNITY);
        int code = ExitCodes.LISTENING;
        out.beginBatch();
        try {
            for (int i = 0; i < specs.size(); i++) {
                PortStatus s = next(inOrder, scan);
                code = ExitCodes.combine(code, ExitCodes.of(s.state()));
                if (text) {
                    if (i > 0) {
                        out.line("");
                    }
                    Optional<ProtocolResponder> r = probe.responderFor(s.protocol(), s.port(), scanOptions);
                    boolean ephemeral = options.sourcePort() != 0
                            && r.map(x -> x.usesEphemeralSourcePort(s.protocol())).orElse(false);
                    String service = PortQryServiceNames.name(s.protocol(), s.port(), s.serviceName());
                    TextReport.port(s, r, new TextReport.PortStyle(service, ephemeral, community)).forEach(out::line);
                } else {
                    out.line(JsonReport.port(target, s));
                }
                if (plan.rpcPorts() && s.result(EndpointMapperResult.class).isPresent()) {
                    code = ExitCodes.combine(code, checkDynamicPorts(target, s, options, text));
                }
            }
        } finally {
            out.endBatch();
            scan.cancel();
        }
        return code;
    }

    /**
     * The Kerberos query asks the KDC about a realm. Unless {@code kerberos.realm} is set or the
     * target's name gives one, it is read from the domain controller's rootDSE (CLDAP, UDP 389),
     * as the issue of a KDC that "answers for the realm" needs the realm it serves.
     */
    private ProbeOptions withKerberosRealm(QueryPlan plan, ProbeOptions options, ResolvedTarget target) {
        boolean asksKerberos = plan.ports().stream().anyMatch(c -> probe.responderFor(c.protocol(), c.port(), options)
                .map(r -> r instanceof KerberosResponder).orElse(false));
        if (!asksKerberos || !options.setting(KerberosResponder.REALM).isBlank()
                || target.name().flatMap(KerberosRealms::fromHostName).isPresent()) {
            return options;
        }
        ProbeOptions cldap = options.toBuilder().responder(ResponderSelection.forced("ldap")).build();
        // Bounded like any probe, so that -e 88 (or a range holding 88) against a host that
        // drops traffic goes on to its ports without a realm instead of waiting for ever.
        long limit = PortProbe.deadline(Protocol.UDP, cldap).plus(PortProbe.GRACE).toMillis();
        CompletableFuture<PortStatus> lookup = probe.probe(target, Protocol.UDP, 389, cldap);
        try {
            return lookup.get(limit, TimeUnit.MILLISECONDS).result(RootDseResult.class)
                    .flatMap(KerberosRealms::fromRootDse)
                    .map(realm -> options.toBuilder().set(KerberosResponder.REALM, realm).build())
                    .orElse(options);
        } catch (ExecutionException e) {
            return options;
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return options;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return options;
        }
    }

    /**
     * {@code -rpcports}: the firewall check AD administrators need after "the RPC server is
     * unavailable": is every dynamic port the endpoint mapper hands out reachable from here?
     *
     * @return the highest exit code of those ports
     */
    private int checkDynamicPorts(String target, PortStatus endpointMapper, ProbeOptions options, boolean text) {
        out.flush();
        List<PortStatus> ports = await(DynamicPortCheck.check(probe, endpointMapper, options));
        int code = ExitCodes.LISTENING;
        if (text) {
            DynamicPortCheck.reportLines(ports).forEach(out::line);
        }
        for (PortStatus p : ports) {
            code = ExitCodes.combine(code, ExitCodes.of(p.state()));
            if (!text) {
                out.line(JsonReport.port(target, p));
            }
        }
        return code;
    }

    /**
     * The next result in PortQry's order. While none is ready the console is flushed, so a slow
     * port never holds back lines already known; a failed scan (source port in use) ends the run.
     */
    private PortStatus next(BlockingQueue<PortStatus> inOrder, Scan scan) {
        try {
            while (true) {
                PortStatus s = inOrder.poll(FLUSH_MS, TimeUnit.MILLISECONDS);
                if (s != null) {
                    return s;
                }
                out.flush();
                if (scan.completion().isCompletedExceptionally()) {
                    await(scan.completion());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILURE, "interrupted");
        }
    }

    private <T> T await(CompletableFuture<T> f) {
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
                boolean sourcePort = p.getMessage() != null && p.getMessage().startsWith("source port");
                if (sourcePort) {
                    // PortQry's three lines (KB 832919, -sp), then the one stderr line every failure has.
                    out.line("Cannot use specified source port.");
                    out.line("Port is already in use.");
                    out.line("Specify a port that is not in use and run the command again.");
                }
                throw new CliException(ExitCodes.FAILURE, (sourcePort ? "-sp: " : "") + SafeText.escape(p.getMessage()));
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

}
