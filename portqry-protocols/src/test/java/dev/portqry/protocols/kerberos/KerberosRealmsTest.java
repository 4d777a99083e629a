package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.ldap.LdapResultCode;
import dev.portqry.protocols.ldap.LdapRootDse;
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
        LdapRootDse both = new LdapRootDse(List.of(
                new LdapRootDse.Attribute("defaultNamingContext", List.of("DC=other,DC=test")),
                new LdapRootDse.Attribute("ldapServiceName", List.of("corp.example.test:dc1$@CORP.EXAMPLE.TEST"))),
                LdapResultCode.SUCCESS, "");
        assertThat(KerberosRealms.fromRootDse(both)).contains("CORP.EXAMPLE.TEST");
        LdapRootDse nc = new LdapRootDse(List.of(
                new LdapRootDse.Attribute("defaultNamingContext", List.of("OU=x, DC=corp,dc=Example,DC=test"))),
                LdapResultCode.SUCCESS, "");
        assertThat(KerberosRealms.fromRootDse(nc)).contains("CORP.EXAMPLE.TEST");
        assertThat(KerberosRealms.fromRootDse(new LdapRootDse(List.of(), LdapResultCode.SUCCESS, ""))).isEmpty();
    }
}
