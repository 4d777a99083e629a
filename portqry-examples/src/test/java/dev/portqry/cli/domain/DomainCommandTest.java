package dev.portqry.cli.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.cli.ExitCodes;
import dev.portqry.cli.PortQry;
import dev.portqry.cli.PredefinedServices;
import dev.portqry.protocols.ad.CellState;
import dev.portqry.protocols.ad.CheckColumn;
import dev.portqry.protocols.ad.DcRole;
import dev.portqry.protocols.ad.DomainCell;
import dev.portqry.protocols.ad.DomainCheck;
import dev.portqry.protocols.ad.DomainController;
import dev.portqry.protocols.ad.DomainControllers;
import dev.portqry.protocols.ad.DomainMatrix;
import dev.portqry.protocols.ad.SrvQuery;
import dev.portqry.protocols.ad.SrvRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PortQry cli = new PortQry(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, false);
        return cli.run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLibrarysPortSetIsTheClisDomainsAndTrusts() {
        assertThat(DomainCheck.DOMAINS_AND_TRUSTS).isEqualTo(PredefinedServices.service("domains").orElseThrow().ports());
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheOption() {
        assertThat(run("-domain", "bad..name")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("-domain must be a DNS name");
        assertThat(run("-domain", "corp.example.test", "-dnsserver", "dns.example")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("-dnsserver must be an IP address");
        assertThat(run("-domain", "corp.example.test", "-site", "a/b")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("-site must be");
        assertThat(run("-domain", "corp.example.test", "-n", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("with -domain only");
        assertThat(run("-domain", "corp.example.test", "-dnswait", "5")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("-dnswait must be 10-60000, was 5");
    }

    @Test
    void noSrvRecordsSaysWhichRecordsOfWhichServerAndExitsWith4() throws Exception {
        try (DatagramSocket dns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread t = new Thread(() -> answerNxdomain(dns), "nxdomain");
            t.setDaemon(true);
            t.start();
            int code = run("-domain", "nowhere.example.test", "-dnsserver", "127.0.0.1:" + dns.getLocalPort());
            assertThat(code).isEqualTo(ExitCodes.UNRESOLVED);
            assertThat(err()).contains("no SRV records for domain nowhere.example.test at DNS server 127.0.0.1 port "
                    + dns.getLocalPort(), "_ldap._tcp.dc._msdcs.nowhere.example.test: NXDOMAIN", "(exit code 4)");
        }
    }

    @Test
    void aSilentDnsServerIsNamedAndExitsWith6() throws Exception {
        try (DatagramSocket dns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int code = run("-domain", "corp.example.test", "-dnsserver", "127.0.0.1:" + dns.getLocalPort(), "-dnswait", "100",
                    "-json");
            assertThat(code).isEqualTo(ExitCodes.DNS_SILENT);
            assertThat(err()).contains("DNS server 127.0.0.1 port " + dns.getLocalPort() + " did not answer", "(exit code 6)");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"exitCode\":6", "\"outcome\":\"NO_ANSWER\"");
        }
    }

    @Test
    void theTableFits120ColumnsAndEscapesWireText() throws Exception {
        DomainMatrix m = matrix("dc1.corp.example.test", "evil\u001b[31m.corp.example.test");
        List<String> lines = new DomainTable(120, false).lines(m);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(120));
        assertThat(new DomainTable(60, true).lines(m)).anySatisfy(l -> assertThat(l).startsWith("      "))
                .anySatisfy(l -> assertThat(l).contains("\u001b[31mFILTERED\u001b[0m"));
        assertThat(String.join("\n", lines)).doesNotContain("\u001b").contains("evil\\x1b[31m.corp.example.test")
                .contains("rpcdyn: FILTERED - 3 ports 61000-61002; FILTERED 61000-61002", "exit code 2");
        assertThat(lines.stream().filter(l -> l.startsWith("DC ")).count()).isEqualTo(2);
        assertThat(DomainJson.write(m)).contains("\"rpc-dynamic\":{\"state\":\"FILTERED\"", "\"exitCode\":2");
    }

    private static DomainMatrix matrix(String... names) throws Exception {
        List<CheckColumn> cols = new ArrayList<>();
        DomainCheck.DOMAINS_AND_TRUSTS.forEach(p -> cols.add(CheckColumn.port(p.protocol(), p.port())));
        cols.addAll(List.of(CheckColumn.RPC_DYNAMIC, CheckColumn.KERBEROS, CheckColumn.LDAPS_CERT, CheckColumn.GC_SSL_CERT,
                CheckColumn.SMB_SIGNING, CheckColumn.CLDAP_PING));
        List<DomainController> dcs = new ArrayList<>();
        List<DomainMatrix.Row> rows = new ArrayList<>();
        for (String n : names) {
            InetAddress a = InetAddress.getByName("127.0.0.1");
            DomainController dc = new DomainController(n, Set.of(DcRole.LDAP), List.of(a), "");
            dcs.add(dc);
            List<DomainCell> cells = new ArrayList<>();
            for (CheckColumn c : cols) {
                boolean dyn = c.equals(CheckColumn.RPC_DYNAMIC);
                cells.add(new DomainCell(n, Optional.of(a), c, dyn ? CellState.FILTERED : c.protocol().isPresent()
                        ? CellState.LISTENING : CellState.ANSWERED, dyn ? "3 ports 61000-61002" : c.protocol().isPresent() ? ""
                        : "value of " + n, dyn ? "FILTERED 61000-61002" : "", Duration.ofMillis(5)));
            }
            rows.add(new DomainMatrix.Row(dc, Optional.of(a), cells));
        }
        DomainControllers d = new DomainControllers("corp.example.test", "corp.example.test", Optional.empty(),
                new InetSocketAddress("127.0.0.1", 53), List.of(new SrvQuery("_ldap._tcp.dc._msdcs.corp.example.test", DcRole.LDAP,
                SrvQuery.Outcome.RECORDS, "", List.of(new SrvRecord("_ldap._tcp.dc._msdcs.corp.example.test", 0, 100, 389, names[0])))),
                dcs);
        return new DomainMatrix(d, cols, rows, Duration.ofMillis(10));
    }

    /** Answers every query with NXDOMAIN: header flags 0x8183, the question echoed. */
    private static void answerNxdomain(DatagramSocket s) {
        byte[] buf = new byte[512];
        while (!s.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                byte[] q = java.util.Arrays.copyOf(p.getData(), p.getLength());
                int end = 12;
                while (q[end] != 0) {
                    end += 1 + (q[end] & 0xff);
                }
                end += 5;
                byte[] r = java.util.Arrays.copyOf(q, end);
                r[2] = (byte) 0x81;
                r[3] = (byte) 0x83;
                r[6] = r[7] = r[8] = r[9] = r[10] = r[11] = 0;
                s.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
            } catch (Exception e) {
                return;
            }
        }
    }

}
