package dev.portqry.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The testbed's "pqtest" network namespace, reached over its veth pair, shows every port state a
 * scanner must tell apart: open and closed TCP and UDP ports, ports whose packets its nftables
 * rules drop (no answer at all), and ports it rejects with ICMP host-unreachable or
 * administratively-prohibited. Each case runs over IPv4 and IPv6.
 *
 * <p>The namespace keeps Linux's default ICMP rate limit, so this class sends only a handful of
 * packets that draw ICMP errors.
 */
class FilteredNamespaceSmokeIT {

  /** Long enough for a veth round trip, short enough to keep the "no answer" cases quick. */
  private static final int SILENCE_MS = 1000;

  /** What connect() throws for an admin-prohibited reject, per address family (see its test). */
  private static final Map<String, Class<? extends Exception>> ADMIN_PROHIBITED =
      Map.of("ns.address", NoRouteToHostException.class, "ns.address6", BindException.class);

  private Testbed tb;

  // Per test rather than per class, so that each test is reported as skipped without a testbed.
  @BeforeEach
  void testbed() {
    tb = Testbed.require();
  }

  private InetSocketAddress target(String addressKey, String portKey) {
    return tb.socketAddress(addressKey, portKey);
  }

  @ParameterizedTest(name = "{0}: open TCP port connects and echoes")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void openTcpPortConnects(String address) throws Exception {
    SmokeSockets.connect(target(address, "ns.tcp.open"), SmokeSockets.TIMEOUT_MS);
  }

  @ParameterizedTest(name = "{0}: closed TCP port refuses (RST)")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void closedTcpPortRefuses(String address) {
    assertThatThrownBy(() -> SmokeSockets.connect(target(address, "ns.tcp.closed"), SmokeSockets.TIMEOUT_MS))
        .isExactlyInstanceOf(ConnectException.class);
  }

  @ParameterizedTest(name = "{0}: dropped TCP port never answers")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void droppedTcpPortTimesOut(String address) {
    assertThatThrownBy(() -> SmokeSockets.connect(target(address, "ns.tcp.drop"), SILENCE_MS))
        .isInstanceOf(SocketTimeoutException.class);
  }

  @ParameterizedTest(name = "{0}: TCP port rejected with ICMP host-unreachable")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void hostUnreachableRejectFailsTcpConnect(String address) {
    assertThatThrownBy(() -> SmokeSockets.connect(target(address, "ns.tcp.reject.hostunreach"),
        SmokeSockets.TIMEOUT_MS)).isInstanceOf(NoRouteToHostException.class);
  }

  @ParameterizedTest(name = "{0}: TCP port rejected with ICMP admin-prohibited")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void adminProhibitedRejectFailsTcpConnect(String address) {
    // Linux turns ICMP "administratively prohibited" into EHOSTUNREACH for IPv4 but EACCES for
    // IPv6 (ICMPv6 code 1), and the JDK raises EACCES from connect() as a BindException.
    assertThatThrownBy(() -> SmokeSockets.connect(target(address, "ns.tcp.reject.adminprohibited"),
        SmokeSockets.TIMEOUT_MS)).isInstanceOf(ADMIN_PROHIBITED.get(address));
  }

  @ParameterizedTest(name = "{0}: open UDP port echoes")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void openUdpPortEchoes(String address) throws Exception {
    byte[] ping = "portqry".getBytes(StandardCharsets.US_ASCII);
    assertThat(SmokeSockets.exchange(target(address, "ns.udp.open"), ping, SmokeSockets.TIMEOUT_MS))
        .containsExactly(ping);
  }

  @ParameterizedTest(name = "{0}: closed UDP port answers ICMP port-unreachable")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void closedUdpPortIsUnreachable(String address) {
    assertThatThrownBy(() -> SmokeSockets.exchange(target(address, "ns.udp.closed"), new byte[] {0},
        SmokeSockets.TIMEOUT_MS)).isInstanceOf(PortUnreachableException.class);
  }

  @ParameterizedTest(name = "{0}: dropped UDP port never answers")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void droppedUdpPortIsSilent(String address) {
    assertThatThrownBy(() -> SmokeSockets.exchange(target(address, "ns.udp.drop"), new byte[] {0},
        SILENCE_MS)).isInstanceOf(SocketTimeoutException.class);
  }

  @ParameterizedTest(name = "{0}: UDP port rejected with ICMP host-unreachable looks silent")
  @ValueSource(strings = {"ns.address", "ns.address6"})
  void hostUnreachableRejectOfUdpIsInvisibleToTheJdk(String address) {
    // The namespace does send ICMP host-unreachable here (testbed-up.sh checks it with nmap
    // --reason), but Linux reports only hard ICMP errors (port unreachable) to a connected UDP
    // socket unless IP_RECVERR is set, which the JDK does not do: a JDK probe sees silence.
    assertThatThrownBy(() -> SmokeSockets.exchange(target(address, "ns.udp.reject.hostunreach"),
        new byte[] {0}, SILENCE_MS)).isInstanceOf(SocketTimeoutException.class);
  }
}
