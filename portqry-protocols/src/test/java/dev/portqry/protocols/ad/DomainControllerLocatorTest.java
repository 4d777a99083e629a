package dev.portqry.protocols.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DomainControllerLocatorTest {
    private static final String D = "corp.example.test";

    @Test
    void findsTwoControllersWithCompressedTargetsAndBothAddressFamilies() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer()
                .srv("_ldap._tcp.dc._msdcs." + D, 0, 100, 389, "dc1." + D)
                .srv("_ldap._tcp.dc._msdcs." + D, 0, 100, 389, "dc2." + D)
                .srv("_kerberos._tcp." + D, 0, 100, 88, "dc2." + D)
                .srv("_gc._tcp." + D, 0, 100, 3268, "dc1." + D)
                .address("dc1." + D, InetAddress.getByName("127.0.0.1"))
                .address("dc1." + D, InetAddress.getByName("::1"))
                .address("dc2." + D, InetAddress.getByName("198.18.0.6"));
             DomainControllerLocator loc = DomainControllerLocator.builder().dnsServer(dns.address()).build()) {
            DomainControllers dcs = loc.locate(D + ".").get(10, TimeUnit.SECONDS);
            assertThat(dcs.controllers()).extracting(DomainController::hostName).containsExactly("dc1." + D, "dc2." + D);
            DomainController dc1 = dcs.controllers().get(0);
            assertThat(dc1.addresses()).containsExactly(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
            assertThat(dc1.roles()).containsExactlyInAnyOrder(DcRole.LDAP, DcRole.GC);
            assertThat(dcs.controllers().get(1).roles()).containsExactlyInAnyOrder(DcRole.LDAP, DcRole.KERBEROS);
            assertThat(dcs.controllers().get(1).addresses()).containsExactly(InetAddress.getByName("198.18.0.6"));
            assertThat(dcs.queries()).extracting(SrvQuery::outcome).containsOnly(SrvQuery.Outcome.RECORDS);
            assertThat(dcs.queries().get(0).records()).extracting(SrvRecord::port).containsOnly(389);
            assertThat(dcs.problem()).isEmpty();
        }
    }

    @Test
    void siteSpecificRecordsAreAsked() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer()
                .srv("_ldap._tcp.Branch._sites.dc._msdcs." + D, 0, 0, 389, "dc2." + D)
                .address("dc2." + D, InetAddress.getByName("198.18.0.6"));
             DomainControllerLocator loc = DomainControllerLocator.builder().dnsServer(dns.address()).site("Branch")
                     .forest("example.test").build()) {
            DomainControllers dcs = loc.locate(D).get(10, TimeUnit.SECONDS);
            assertThat(dns.asked).contains("_ldap._tcp.branch._sites.dc._msdcs." + D + "/33",
                    "_kerberos._tcp.branch._sites." + D + "/33", "_gc._tcp.branch._sites.example.test/33");
            assertThat(dcs.controllers()).extracting(DomainController::hostName).containsExactly("dc2." + D);
            assertThat(dcs.site()).contains("Branch");
        }
    }

    @Test
    void noSrvRecordsNamesEachRecordAndTheServer() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer();
             DomainControllerLocator loc = DomainControllerLocator.builder().dnsServer(dns.address()).build()) {
            DomainControllers dcs = loc.locate(D).get(10, TimeUnit.SECONDS);
            assertThat(dcs.controllers()).isEmpty();
            assertThat(dcs.serverSilent()).isFalse();
            assertThat(dcs.queries()).extracting(SrvQuery::outcome).containsOnly(SrvQuery.Outcome.NAME_ERROR);
            assertThat(dcs.problem()).hasValueSatisfying(p -> assertThat(p)
                    .startsWith("no SRV records for domain " + D + " at DNS server 127.0.0.1 port " + dns.address().getPort())
                    .contains("_ldap._tcp.dc._msdcs." + D + ": NXDOMAIN", "_kerberos._tcp." + D, "_gc._tcp." + D));
        }
    }

    @Test
    void aSilentServerIsToldApartAndTheFutureEndsInTime() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer().silent();
             DomainControllerLocator loc = DomainControllerLocator.builder().dnsServer(dns.address())
                     .timeout(Duration.ofMillis(200)).attempts(2).build()) {
            DomainControllers dcs = loc.locate(D).get(10, TimeUnit.SECONDS);
            assertThat(dcs.serverSilent()).isTrue();
            assertThat(dcs.problem()).hasValueSatisfying(p -> assertThat(p)
                    .startsWith("DNS server 127.0.0.1 port " + dns.address().getPort() + " did not answer")
                    .contains("no answer after 2 x 200 ms"));
            assertThat(dns.asked).hasSize(6);
        }
    }

    @Test
    void aTargetWithoutAddressesIsKeptWithItsProblem() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer().srv("_ldap._tcp.dc._msdcs." + D, 0, 0, 389, "ghost." + D);
             DomainControllerLocator loc = DomainControllerLocator.builder().dnsServer(dns.address()).build()) {
            DomainControllers dcs = loc.locate(D).get(10, TimeUnit.SECONDS);
            assertThat(dcs.controllers()).singleElement().satisfies(dc -> {
                assertThat(dc.addresses()).isEmpty();
                assertThat(dc.addressProblem()).contains("NXDOMAIN");
            });
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> DomainControllerLocator.builder().site("a b")).hasMessageStartingWith("site must");
        assertThatThrownBy(() -> DomainControllerLocator.checkName("domain", "a..b")).hasMessageStartingWith("domain must");
        assertThatThrownBy(() -> DomainControllerLocator.builder().timeout(Duration.ZERO)).hasMessageStartingWith("timeout must");
        assertThatThrownBy(() -> DomainControllerLocator.builder().attempts(0)).hasMessageStartingWith("attempts must");
    }
}
