package dev.portqry.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Testbed} reads its properties file strictly and never resolves host names. */
class TestbedTest {

  @TempDir
  Path dir;

  private Testbed write(String content) throws Exception {
    Path file = dir.resolve("testbed.properties");
    Files.writeString(file, content);
    return Testbed.load(file);
  }

  @Test
  void typedGetters() throws Exception {
    Testbed tb = write("dc.realm = CORP.EXAMPLE.TEST \nsnmp.port=16161\nns.address6=fd70:7172::2\n");

    assertThat(tb.get("dc.realm")).isEqualTo("CORP.EXAMPLE.TEST");
    assertThat(tb.port("snmp.port")).isEqualTo(16161);
    assertThat(tb.address("ns.address6")).isInstanceOf(Inet6Address.class);
    assertThat(tb.socketAddress("ns.address6", "snmp.port").getPort()).isEqualTo(16161);
  }

  @Test
  void missingKeyNamesKeyAndFile() throws Exception {
    Testbed tb = write("a=b\n");

    assertThatThrownBy(() -> tb.get("dc.realm"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dc.realm").hasMessageContaining("testbed.properties");
  }

  @Test
  void portMustBeInRange() throws Exception {
    Testbed tb = write("zero=0\nbig=65536\nword=ldap\n");

    assertThatThrownBy(() -> tb.port("zero")).hasMessageContaining("1-65535, was 0");
    assertThatThrownBy(() -> tb.port("big")).hasMessageContaining("was 65536");
    assertThatThrownBy(() -> tb.port("word")).hasMessageContaining("must be a port, was ldap");
  }

  @Test
  void hostNamesAreRefusedSoNothingIsLookedUp() throws Exception {
    Testbed tb = write("dc.fqdn=dc1.corp.example.test\n");

    assertThatThrownBy(() -> tb.address("dc.fqdn")).hasMessageContaining("literal IP address");
  }

  @Test
  void locationFollowsTheSystemProperty() {
    String before = System.getProperty(Testbed.PROPERTY);
    try {
      System.setProperty(Testbed.PROPERTY, dir.resolve("x.properties").toString());
      assertThat(Testbed.location()).isEqualTo(dir.resolve("x.properties"));
    } finally {
      if (before == null) {
        System.clearProperty(Testbed.PROPERTY);
      } else {
        System.setProperty(Testbed.PROPERTY, before);
      }
    }
  }
}
