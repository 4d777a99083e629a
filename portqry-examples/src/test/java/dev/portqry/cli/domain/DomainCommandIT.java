package dev.portqry.cli.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.cli.PortQry;
import dev.portqry.testbed.Testbed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code portqry -domain} against the testbed's two-DC domain: the text matrix and the JSON. */
class DomainCommandIT {
    @Test
    void theMatrixListsBothControllersInTextAndJson() {
        Testbed tb = Testbed.require();
        String domain = tb.get("dc.realm").toLowerCase(Locale.ROOT);
        String dns = tb.get("dc.address");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = cli(out).run("-domain", domain, "-dnsserver", dns, "-querywait", "20000", "-udpwait", "3000");
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        // Samba serves no WINS (TCP 42 NOT LISTENING) and never answers UDP 138: PortQry's worst code, 2.
        assertThat(code).isEqualTo(2);
        assertThat(text).contains("Domain " + domain + ": 2 domain controllers from DNS server " + dns + " port 53",
                tb.get("dc.fqdn") + "  " + tb.get("dc.address"), tb.get("dc2.fqdn") + "  " + tb.get("dc2.address"));
        List<String> rows = text.lines().filter(l -> l.startsWith(tb.get("dc2.fqdn") + " ")).toList();
        assertThat(rows).hasSize(2);
        assertThat(text.lines().filter(l -> !l.startsWith("  SRV "))).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        assertThat(cli(json).run("-domain", domain, "-dnsserver", dns, "-json", "-querywait", "20000", "-udpwait", "3000")).isEqualTo(2);
        String j = json.toString(StandardCharsets.UTF_8);
        assertThat(j.lines()).hasSize(1);
        assertThat(j).contains("\"controller\":\"" + tb.get("dc2.fqdn") + "\"", "\"cldap-ping\":{\"state\":\"ANSWERED\"",
                "\"exitCode\":2");
    }

    private static PortQry cli(ByteArrayOutputStream out) {
        return new PortQry(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), null, false);
    }
}
