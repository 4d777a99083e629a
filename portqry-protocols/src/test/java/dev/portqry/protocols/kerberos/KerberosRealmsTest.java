package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.ldap.LdapResultCode;
import dev.portqry.protocols.ldap.RootDseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class KerberosRealmsTest {

    @Test
    void realmIsTheUpperCasedDomainOfTheName() {
        assertThat(KerberosRealms.fromHostName("dc1.corp.example.test")).contains("CORP.EXAMPLE.TEST");
        assertThat(KerberosRealms.fromHostName("DC1.Corp.Example.Test.")).contains("CORP.EXAMPLE.TEST");
    }

    @Test
    void noRealmFromLiteralsOrSingleLabels() {
        assertThat(KerberosRealms.fromHostName(null)).isEmpty();
        assertThat(KerberosRealms.fromHostName("localhost")).isEmpty();
        assertThat(KerberosRealms.fromHostName("127.0.0.1")).isEmpty();
        assertThat(KerberosRealms.fromHostName("::1")).isEmpty();
        assertThat(KerberosRealms.fromHostName("dc1.")).isEmpty();
    }

    @Test
    void realmFromTheRootDseServiceNameElseTheNamingContext() {
        RootDseResult both = new RootDseResult(List.of(
                new RootDseResult.Attribute("defaultNamingContext", List.of("DC=other,DC=test")),
                new RootDseResult.Attribute("ldapServiceName", List.of("corp.example.test:dc1$@CORP.EXAMPLE.TEST"))),
                LdapResultCode.SUCCESS, "");
        assertThat(KerberosRealms.fromRootDse(both)).contains("CORP.EXAMPLE.TEST");
        RootDseResult nc = new RootDseResult(List.of(
                new RootDseResult.Attribute("defaultNamingContext", List.of("OU=x, DC=corp,dc=Example,DC=test"))),
                LdapResultCode.SUCCESS, "");
        assertThat(KerberosRealms.fromRootDse(nc)).contains("CORP.EXAMPLE.TEST");
        assertThat(KerberosRealms.fromRootDse(new RootDseResult(List.of(), LdapResultCode.SUCCESS, ""))).isEmpty();
    }
}
