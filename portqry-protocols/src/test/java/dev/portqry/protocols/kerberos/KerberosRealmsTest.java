package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

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
}
