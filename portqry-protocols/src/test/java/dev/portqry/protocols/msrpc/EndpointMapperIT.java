package dev.portqry.protocols.msrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.testbed.Testbed;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint mapper of the testbed's Samba DC, compared with what independent tools see. */
class EndpointMapperIT {
    /** {@code <object> ncacn_ip_tcp:0.0.0.0[49153,abstract_syntax=<uuid>/0x00000004]: drsuapi} */
    private static final Pattern RPCCLIENT_LINE =
            Pattern.compile("^\\S+ (\\w+):([^\\[]*)\\[([^,]*),abstract_syntax=([0-9a-f-]+)/0x(\\p{XDigit}+)\\]: ?(.*)$");

    private final ProbeOptions opts = ProbeOptions.builder().tcpConnectTimeout(Duration.ofSeconds(1)).tcpAttempts(1)
            .udpTimeout(Duration.ofMillis(500)).responderTimeout(Duration.ofSeconds(10)).build();
    private Testbed tb;
    private InetAddress dc;
    private PortProbe probe;

    @BeforeEach
    void setUp() {
        tb = Testbed.require();
        dc = tb.address("dc.address");
        probe = PortProbe.builder().defaultOptions(opts).build();
    }

    @AfterEach
    void tearDown() {
        if (probe != null) {
            probe.close();
        }
    }

    private EndpointMapperResult dump(PortStatus s) {
        return s.result(EndpointMapperResult.class).orElseThrow(() -> new AssertionError("no dump: " + s.responder()));
    }

    @Test
    void port135IsSelectedAutomaticallyAndDumpsEveryEntry() {
        PortStatus s = probe.probe(dc, Protocol.TCP, 135, opts).join();
        assertThat(s.state()).isEqualTo(PortState.LISTENING);
        EndpointMapperResult dump = dump(s);
        assertThat(dump.truncated()).isFalse();
        assertThat(dump.endpoints()).isNotEmpty();
        assertThat(dump.reportLines().get(0)).isEqualTo("Server's response:");
        assertThat(dump.reportLines()).contains("Total endpoints found: " + dump.endpoints().size());
    }

    @Test
    void sameEntriesAsSambasOwnClient() throws Exception {
        List<String> lines = run(List.of("rpcclient", "-U%", "-N", "ncacn_ip_tcp:" + dc.getHostAddress() + "[135]", "-c", "epmlookup"));
        Set<String> theirs = lines.stream().map(RPCCLIENT_LINE::matcher).filter(Matcher::matches)
                .map(m -> key(m.group(1), m.group(3), m.group(4), Integer.parseInt(m.group(5), 16), m.group(6)))
                .collect(Collectors.toSet());
        long theirCount = lines.stream().filter(l -> RPCCLIENT_LINE.matcher(l).matches()).count();
        assumeTrue(theirCount > 0, "rpcclient listed nothing: " + lines);
        EndpointMapperResult dump = dump(probe.probe(dc, Protocol.TCP, 135, opts).join());
        assertThat(dump.endpoints()).hasSize((int) theirCount);
        assertThat(dump.endpoints().stream().map(e -> key(e.protocolSequence().name(), e.endpoint(),
                e.interfaceId().uuid().toString(), e.interfaceId().majorVersion(), e.annotation())).collect(Collectors.toSet()))
                .isEqualTo(theirs);
    }

    private static String key(String protseq, String endpoint, String uuid, int major, String annotation) {
        return protseq + "|" + endpoint + "|" + uuid + "|" + major + "|" + annotation;
    }

    @Test
    void everyTcpPortListedIsOneTheDcListensOn() throws Exception {
        EndpointMapperResult dump = dump(probe.probe(dc, Protocol.TCP, 135, opts).join());
        Set<Integer> listening = new TreeSet<>();
        Pattern local = Pattern.compile("^LISTEN\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d+)\\s");
        for (String line : run(List.of("ss", "-Hltn"))) {
            Matcher m = local.matcher(line);
            if (m.find()) {
                String addr = m.group(1).replace("[", "").replace("]", "");
                if (addr.equals(dc.getHostAddress()) || addr.equals("0.0.0.0") || addr.equals("*") || addr.equals("::")) {
                    listening.add(Integer.parseInt(m.group(2)));
                }
            }
        }
        assertThat(dump.tcpPorts()).isNotEmpty().contains(135);
        assertThat(listening).containsAll(dump.tcpPorts());
    }

    @Test
    void eptMapFindsDrsuapi() {
        RpcInterfaceId drs = WellKnownInterfaces.parse("DRSUAPI");
        PortStatus s = EndpointMapper.map(probe, dc.getHostAddress(), 135, drs, opts).join();
        EndpointMapResult m = s.result(EndpointMapResult.class).orElseThrow(() -> new AssertionError(s.responder()));
        assertThat(m.tcpPorts()).isNotEmpty();
        EndpointMapperResult dump = dump(probe.probe(dc, Protocol.TCP, 135, opts).join());
        List<Integer> fromDump = dump.endpointsOf(drs).stream().flatMapToInt(e -> e.tcpPort().stream()).boxed().toList();
        assertThat(fromDump).containsAll(m.tcpPorts());
    }

    @Test
    void dynamicPortsAreListening() {
        PortStatus epm = probe.probe(dc, Protocol.TCP, 135, opts).join();
        List<PortStatus> ports = DynamicPortCheck.check(probe, epm, opts).join();
        assertThat(ports).extracting(PortStatus::port).isEqualTo(dump(epm).tcpPorts());
        assertThat(ports).allSatisfy(p -> assertThat(p.state()).isEqualTo(PortState.LISTENING));
    }

    @Test
    void aDroppedDynamicPortIsFiltered() {
        InetAddress ns = tb.address("ns.address");
        List<PortStatus> ports = DynamicPortCheck.check(probe, ns, List.of(tb.port("ns.tcp.drop")), opts).join();
        assertThat(ports).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(PortState.FILTERED));
    }

    @Test
    void sambaHasNoConnectionlessEndpointMapper() {
        PortStatus s = probe.probe(dc, Protocol.UDP, 135, opts).join();
        assertThat(s.state()).isEqualTo(PortState.NOT_LISTENING);
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, command.get(0) + " is not installed: " + e.getMessage());
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
