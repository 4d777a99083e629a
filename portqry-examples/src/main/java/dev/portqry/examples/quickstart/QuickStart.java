package dev.portqry.examples.quickstart;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortSpec;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.ScanListener;
import dev.portqry.protocols.ldap.LdapResponder;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.protocols.msrpc.EndpointMapper;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * The library quick start: probe one port, scan a few, read a typed LDAP rootDSE and an
 * endpoint-mapper dump. Run it against a domain controller you may probe:
 *
 * <pre>{@code
 * java -cp portqry.jar dev.portqry.examples.quickstart.QuickStart 127.0.0.1
 * }</pre>
 *
 * Every network outcome is a {@link PortStatus}, never an exception: a refused port, silence and
 * an answer that is not LDAP all print a line and the walk goes on.
 */
public final class QuickStart {
    /** The ports the quick start scans by default: a domain controller's usual set. */
    public static final List<PortSpec> DC_PORTS = List.of(new PortSpec(Protocol.TCP, 53), new PortSpec(Protocol.TCP, 88),
            new PortSpec(Protocol.TCP, 135), new PortSpec(Protocol.TCP, 389), new PortSpec(Protocol.TCP, 445),
            new PortSpec(Protocol.TCP, 636), new PortSpec(Protocol.TCP, 3268), new PortSpec(Protocol.UDP, 389));

    private final PortProbe probe;
    private final PrintStream out;

    /**
     * @param probe the probe to use; the caller closes it; not null
     * @param out where to print; not null
     */
    public QuickStart(PortProbe probe, PrintStream out) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Probes {@code args[0]} (default {@code 127.0.0.1}) on the standard ports.
     *
     * @param args optional target name or IP literal
     */
    public static void main(String[] args) {
        String target = args.length > 0 ? args[0] : "127.0.0.1";
        // One PortProbe per application: it owns event loops and a resolver; close it at the end.
        try (PortProbe probe = PortProbe.builder().build()) {
            new QuickStart(probe, System.out).run(target, 389, EndpointMapper.PORT, DC_PORTS);
        }
    }

    /**
     * The whole walk; blocks until done.
     *
     * @param target a name or IP literal, not blank
     * @param ldapPort where LDAP listens, normally 389
     * @param endpointMapperPort where the RPC endpoint mapper listens, normally 135
     * @param scanPorts the ports to scan
     */
    public void run(String target, int ldapPort, int endpointMapperPort, List<PortSpec> scanPorts) {
        PortStatus ldap = probeOnePort(target, ldapPort);
        scan(target, scanPorts);
        printRootDse(ldap);
        dumpEndpointMapper(target, endpointMapperPort);
    }

    /**
     * 1. One port: the verdict, PortQry's line, and why. On 389 the registry picks the LDAP
     * responder by itself; forcing it by name makes any port get the LDAP query.
     */
    PortStatus probeOnePort(String target, int port) {
        ProbeOptions ldap = probe.defaultOptions().toBuilder().responder(ResponderSelection.forced(LdapResponder.NAME)).build();
        PortStatus s = probe.probe(target, Protocol.TCP, port, ldap).join();
        out.println(s.portQryLine() + " (" + s.reason() + ", " + s.elapsed().toMillis() + " ms)");
        return s;
    }

    /** 2. A few ports at once; results stream to the listener, here printed in list order. */
    void scan(String target, List<PortSpec> ports) {
        ProbeOptions opts = probe.defaultOptions();
        ResolvedTarget resolved = probe.resolve(target, opts).join();
        List<PortStatus> all = probe.scan(resolved, ports, opts, new ScanListener() {
            @Override
            public void onResultInOrder(int index, PortStatus status) {
                // portQryLine() is step 1's verdict; state() is the final one after a protocol query.
                String after = status.state() == status.initialState() ? ""
                        : ", " + status.state().displayName() + " after the query";
                out.println(status.portQryLine() + after + status.responder().map(r -> " [" + r.responder() + "]").orElse(""));
            }
        }).completion().join();
        out.println(all.stream().filter(st -> st.state() == PortState.LISTENING).count() + " of " + all.size() + " listening");
    }

    /** 3. The LDAP answer of step 1 as a typed record: empty when the port did not answer LDAP. */
    void printRootDse(PortStatus s) {
        s.result(RootDseResult.class).ifPresentOrElse(dse -> {
            out.println("dnsHostName: " + dse.dnsHostName().orElse("(none)"));
            out.println("defaultNamingContext: " + dse.defaultNamingContext().orElse("(none)"));
            out.println("supportedLDAPVersion: " + dse.supportedLDAPVersion());
            dse.currentTime().ifPresent(t -> out.println("currentTime: " + t));
        }, () -> out.println("no rootDSE from TCP port " + s.port() + ": " + whyNot(s)));
    }

    /** 4. The endpoint-mapper dump: every registered RPC interface and where it listens. */
    void dumpEndpointMapper(String target, int port) {
        PortStatus s = EndpointMapper.dump(probe, target, Protocol.TCP, port, probe.defaultOptions()).join();
        s.result(EndpointMapperResult.class).ifPresentOrElse(dump -> {
            out.println(dump.summary());
            for (RpcEndpoint e : dump.endpoints().subList(0, Math.min(5, dump.endpoints().size()))) {
                out.println("  " + e.interfaceId() + " " + e.displayName() + " at " + e.stringBinding());
            }
        }, () -> out.println("no endpoint-mapper dump from TCP port " + port + ": " + whyNot(s)));
    }

    private static String whyNot(PortStatus s) {
        return s.state() + ", " + s.responder().map(Object::toString).orElse(s.reason());
    }
}
