package dev.portqry.protocols.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.FakeContext;
import dev.portqry.protocols.ldap.internal.LdapValues;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed view and PortQry's report of the rootDSE Samba sent over TCP and CLDAP. */
class RootDseCodecTest {
    private static RootDseResult dse;

    @BeforeAll
    static void decode() {
        dse = decode(Protocol.TCP, LdapCaptures.TCP_ID, "tcp389.bin");
    }

    private static RootDseResult decode(Protocol protocol, int messageId, String golden) {
        RootDseConversation c = new RootDseConversation(FakeContext.of(protocol, 389), messageId);
        c.start().release();
        ByteBuf in = Unpooled.wrappedBuffer(GoldenVectors.raw("ldap/" + golden));
        try {
            return (RootDseResult) ((Step.Done) c.onReceive(in)).result();
        } finally {
            in.release();
        }
    }

    @Test
    void cldapReplyHoldsTheSameAttributesButTheSaslMechanisms() {
        RootDseResult udp = decode(Protocol.UDP, LdapCaptures.UDP_ID, "udp389.bin");
        // Samba 4.17 leaves supportedSASLMechanisms out of the CLDAP rootDSE; everything else matches.
        assertThat(udp.supportedSASLMechanisms()).isEmpty();
        assertThat(udp.attributes()).extracting(RootDseResult.Attribute::name)
                .containsExactlyElementsOf(dse.attributes().stream().map(RootDseResult.Attribute::name)
                        .filter(n -> !n.equals("supportedSASLMechanisms")).toList());
        assertThat(udp.dnsHostName()).isEqualTo(dse.dnsHostName());
    }

    @Test
    void typedAccessors() {
        assertThat(dse.defaultNamingContext()).contains("DC=corp,DC=example,DC=test");
        assertThat(dse.configurationNamingContext()).contains("CN=Configuration,DC=corp,DC=example,DC=test");
        assertThat(dse.schemaNamingContext()).contains("CN=Schema,CN=Configuration,DC=corp,DC=example,DC=test");
        assertThat(dse.rootDomainNamingContext()).contains("DC=corp,DC=example,DC=test");
        assertThat(dse.namingContexts()).containsExactly("DC=corp,DC=example,DC=test",
                "CN=Configuration,DC=corp,DC=example,DC=test", "CN=Schema,CN=Configuration,DC=corp,DC=example,DC=test",
                "DC=DomainDnsZones,DC=corp,DC=example,DC=test", "DC=ForestDnsZones,DC=corp,DC=example,DC=test");
        assertThat(dse.dnsHostName()).contains("dc1.corp.example.test");
        assertThat(dse.serverName()).contains(
                "CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=corp,DC=example,DC=test");
        assertThat(dse.ldapServiceName()).contains("corp.example.test:dc1$@CORP.EXAMPLE.TEST");
        assertThat(dse.supportedLDAPVersion()).containsExactly(2, 3);
        assertThat(dse.supportedControl()).contains("1.2.840.113556.1.4.319", "2.16.840.1.113730.3.4.9").hasSizeGreaterThan(20);
        assertThat(dse.supportedCapabilities()).contains("1.2.840.113556.1.4.800");
        assertThat(dse.supportedSASLMechanisms()).containsExactly("GSS-SPNEGO", "GSSAPI", "NTLM");
        assertThat(dse.currentTime()).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(dse.isSynchronized()).contains(true);
        assertThat(dse.isGlobalCatalogReady()).contains(true);
        assertThat(dse.domainFunctionality()).contains(4);
        assertThat(dse.forestFunctionality()).contains(4);
        assertThat(dse.domainControllerFunctionality()).contains(4);
        assertThat(dse.highestCommittedUSN()).hasValueSatisfying(usn -> assertThat(usn).isPositive());
        assertThat(dse.vendorName()).hasValueSatisfying(v -> assertThat(v).startsWith("Samba Team"));
        assertThat(dse.values("DNSHOSTNAME")).containsExactly("dc1.corp.example.test");
        assertThat(dse.resultCode()).isEqualTo(LdapResultCode.SUCCESS);
    }

    @Test
    void reportHasOneLinePerValueBetweenHeaderAndEndMarker() {
        List<String> lines = dse.reportLines();
        int values = dse.attributes().stream().mapToInt(a -> a.values().size()).sum();
        assertThat(lines).hasSize(values + 2);
        assertThat(lines.get(0)).isEqualTo("LDAP query response:");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("======== End of LDAP query response ========");
        assertThat(lines).contains("defaultNamingContext: DC=corp,DC=example,DC=test", "supportedLDAPVersion: 2",
                "supportedLDAPVersion: 3", "namingContexts: DC=ForestDnsZones,DC=corp,DC=example,DC=test");
        assertThat(lines).filteredOn(l -> l.startsWith("supportedSASLMechanisms: ")).hasSize(3);
    }

    @Test
    void summaryNamesHostAndDomain() {
        assertThat(dse.summary()).isEqualTo("dnsHostName=dc1.corp.example.test defaultNamingContext=DC=corp,DC=example,DC=test");
    }

    @Test
    void generalizedTimeForms() {
        assertThat(GeneralizedTime.parse("20261124213000.0Z")).contains(Instant.parse("2026-11-24T21:30:00Z"));
        assertThat(GeneralizedTime.parse("20261124213000Z")).contains(Instant.parse("2026-11-24T21:30:00Z"));
        assertThat(GeneralizedTime.parse("202611242130.5Z")).contains(Instant.parse("2026-11-24T21:30:30Z"));
        assertThat(GeneralizedTime.parse("2026112421,25Z")).contains(Instant.parse("2026-11-24T21:15:00Z"));
        assertThat(GeneralizedTime.parse("20261124213000.123+0130")).contains(Instant.parse("2026-11-24T20:00:00.123Z"));
        assertThat(GeneralizedTime.parse("20261124213000-05")).contains(Instant.parse("2026-11-25T02:30:00Z"));
        assertThat(GeneralizedTime.parse("20261124213000")).isEmpty();
        assertThat(GeneralizedTime.parse("20261324213000Z")).isEmpty();
        assertThat(GeneralizedTime.parse("yesterday")).isEmpty();
    }

    @Test
    void binaryValuesAreShownInHex() {
        assertThat(LdapValues.render(new byte[] {0x01, (byte) 0xff})).isEqualTo("0x01ff");
        assertThat(LdapValues.render("a\u0000b".getBytes())).isEqualTo("0x610062");
        assertThat(LdapValues.render("Zoë".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("Zoë");
    }

    @Test
    void resultCodesAreAnOpenType() {
        assertThat(LdapResultCode.valueOf(0)).isSameAs(LdapResultCode.SUCCESS);
        assertThat(LdapResultCode.valueOf(4711).name()).isEqualTo("UNKNOWN(4711)");
        assertThat(LdapResultCode.valueOf(4711)).isEqualTo(LdapResultCode.valueOf(4711));
        assertThat(LdapResultCode.valueOf(8).toString()).isEqualTo("strongerAuthRequired (8)");
    }
}
