package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNamesTest {
    @Test
    void parsesNamesAliasesAndComments(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("services");
        Files.write(f, List.of("# comment", "ldap 389/tcp # LDAP", "ldap 389/udp", "epmap 135/tcp loc-srv  # DCE",
                "bogus line", "bad 70000/tcp", "bad2 12/sctp", "http 80/tcp www", "www-alt 80/tcp"));
        ServiceNames s = ServiceNames.load(f);
        assertThat(s.name(Protocol.TCP, 389)).contains("ldap");
        assertThat(s.name(Protocol.UDP, 389)).contains("ldap");
        assertThat(s.name(Protocol.UDP, 135)).isEmpty();
        assertThat(s.name(Protocol.TCP, 80)).contains("http");
        assertThat(s.ports("loc-srv", Protocol.TCP)).containsExactly(135);
        assertThat(s.ports("WWW", Protocol.TCP)).containsExactly(80);
        assertThat(s.source()).isEqualTo(f.toString());
    }

    @Test
    void builtInTableCoversPortQrysPorts() {
        ServiceNames s = ServiceNames.builtIn();
        assertThat(s.name(Protocol.TCP, 80)).contains("http");
        assertThat(s.name(Protocol.UDP, 1434)).contains("ms-sql-m");
        assertThat(s.name(Protocol.TCP, 3268)).contains("msft-gc");
        assertThat(s.name(Protocol.TCP, 4)).isEmpty();
    }

    @Test
    void systemFallsBackToBuiltIn() {
        assertThat(ServiceNames.system().name(Protocol.TCP, 80)).isPresent();
    }
}
