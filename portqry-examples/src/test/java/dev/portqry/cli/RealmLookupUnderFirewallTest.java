package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.faults.FirewalledNamespace;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15: the CLI's Kerberos realm lookup (a CLDAP probe of UDP 389 before TCP/UDP 88) used
 * to wait for ever behind a local firewall that drops traffic, so {@code -e 88} and every range
 * holding 88 printed nothing. Run as a child JVM in a namespace whose OUTPUT chain drops all TCP
 * and UDP (root only; skipped otherwise): the run ends, with port 88 FILTERED.
 */
class RealmLookupUnderFirewallTest {

    @ParameterizedTest(name = "portqry -n 127.0.0.1 {0} ends behind an OUTPUT drop")
    @CsvSource({"-e 88 -p both", "-r 85:90 -p both"})
    void aKerberosPortBehindADropEnds(String ports) throws Exception {
        Assumptions.assumeTrue(FirewalledNamespace.available(),
                "needs root, ip and nft: it makes a network namespace with an nftables OUTPUT drop");
        try (FirewalledNamespace ns = FirewalledNamespace.create()) {
            List<String> args = new java.util.ArrayList<>(List.of("-n", "127.0.0.1", "-nr"));
            args.addAll(List.of(ports.split(" ")));
            FirewalledNamespace.Child c = FirewalledNamespace.java(ns.exec(), PortQry.class.getName(), args.toArray(String[]::new));
            assertThat(c.lines()).as(String.join("\n", c.lines()))
                    .contains("TCP port 88 (kerberos service): FILTERED", "UDP port 88 (kerberos service): FILTERED");
        }
    }
}
