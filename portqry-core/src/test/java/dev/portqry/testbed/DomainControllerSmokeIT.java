package dev.portqry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The testbed's Samba AD domain controller is reachable: its TCP services accept connections on
 * IPv4 and IPv6 loopback, its DNS server answers a query over UDP, and its NetBIOS name service
 * answers a node status request. Packets are built by hand here; the protocol ITs use the
 * project's codecs.
 */
class DomainControllerSmokeIT {

  private Testbed tb;

  // Per test rather than per class, so that each test is reported as skipped without a testbed.
  @BeforeEach
  void testbed() {
    tb = Testbed.require();
  }

  /** Kerberos 88, endpoint mapper 135, LDAP 389, SMB 445, LDAPS 636, global catalog 3268. */
  @ParameterizedTest(name = "TCP {0} on the DC accepts connections")
  @ValueSource(ints = {88, 135, 389, 445, 636, 3268})
  void tcpServicesListen(int port) throws Exception {
    SmokeSockets.connect(tb.socketAddress("dc.address", port), SmokeSockets.TIMEOUT_MS);
  }

  @ParameterizedTest(name = "TCP {0} on the DC's IPv6 address accepts connections")
  @ValueSource(ints = {135, 389})
  void tcpServicesListenOnIpv6(int port) throws Exception {
    SmokeSockets.connect(tb.socketAddress("dc.address6", port), SmokeSockets.TIMEOUT_MS);
  }

  @Test
  void dnsAnswersForTheDcOverUdp() throws Exception {
    int id = ThreadLocalRandom.current().nextInt(0x10000);
    byte[] reply = SmokeSockets.exchange(tb.socketAddress("dc.address", 53),
        dnsQuery(id, tb.get("dc.fqdn")), SmokeSockets.TIMEOUT_MS);

    // RFC 1035 section 4.1.1: ID, then QR|Opcode|AA|TC|RD, RA|Z|RCODE, then the four counts.
    assertThat(SmokeSockets.u16(reply, 0)).as("echoed ID").isEqualTo(id);
    assertThat(reply[2] & 0x80).as("QR: a response").isNotZero();
    assertThat(reply[3] & 0x0f).as("RCODE").isZero();
    assertThat(SmokeSockets.u16(reply, 6)).as("ANCOUNT").isGreaterThanOrEqualTo(1);
    assertThat(firstAnswerRdata(reply)).as("A record of " + tb.get("dc.fqdn"))
        .containsExactly(tb.address("dc.address").getAddress());
  }

  @Test
  void netbiosNodeStatusListsTheDcAndItsDomain() throws Exception {
    int id = ThreadLocalRandom.current().nextInt(0x10000);
    byte[] reply = SmokeSockets.exchange(tb.socketAddress("dc.address", 137), nodeStatusRequest(id),
        SmokeSockets.TIMEOUT_MS);

    // RFC 1002 section 4.2.18: NODE STATUS RESPONSE, a NAME_TRN_ID echo and the response bit.
    assertThat(SmokeSockets.u16(reply, 0)).as("echoed NAME_TRN_ID").isEqualTo(id);
    assertThat(reply[2] & 0x80).as("R: a response").isNotZero();
    String names = new String(reply, StandardCharsets.ISO_8859_1);
    assertThat(names).contains(tb.get("dc.netbiosname")).contains(tb.get("dc.domain"));
  }

  /** A standard query for the A record of {@code name}, recursion desired. */
  private static byte[] dnsQuery(int id, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeU16(out, id);
    writeU16(out, 0x0100); // RD
    writeU16(out, 1);      // QDCOUNT
    writeU16(out, 0);      // ANCOUNT
    writeU16(out, 0);      // NSCOUNT
    writeU16(out, 0);      // ARCOUNT
    for (String label : name.split("\\.")) {
      byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
    out.write(0);
    writeU16(out, 1);      // QTYPE A
    writeU16(out, 1);      // QCLASS IN
    return out.toByteArray();
  }

  /** RDATA of the first answer record, after skipping the header and the one question. */
  private static byte[] firstAnswerRdata(byte[] msg) {
    int pos = skipName(msg, 12) + 4;   // QTYPE, QCLASS
    pos = skipName(msg, pos) + 8;      // TYPE, CLASS, TTL
    int length = SmokeSockets.u16(msg, pos);
    pos += 2;
    return Arrays.copyOfRange(msg, pos, pos + length);
  }

  /** Offset just past the (possibly compressed, RFC 1035 section 4.1.4) name at {@code pos}. */
  private static int skipName(byte[] msg, int pos) {
    while (true) {
      int len = msg[pos] & 0xff;
      if (len == 0) {
        return pos + 1;
      }
      if ((len & 0xc0) == 0xc0) {
        return pos + 2;
      }
      pos += 1 + len;
    }
  }

  /** NODE STATUS REQUEST for the wildcard name "*" (RFC 1002 section 4.2.17). */
  private static byte[] nodeStatusRequest(int id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeU16(out, id);
    writeU16(out, 0x0000); // a query, opcode 0, no flags
    writeU16(out, 1);      // QDCOUNT
    writeU16(out, 0);
    writeU16(out, 0);
    writeU16(out, 0);
    byte[] name = new byte[16]; // "*" padded with NULs
    name[0] = '*';
    out.write(32);              // first-level encoding (RFC 1001 section 14.1): two letters a byte
    for (byte b : name) {
      out.write('A' + ((b >> 4) & 0x0f));
      out.write('A' + (b & 0x0f));
    }
    out.write(0);
    writeU16(out, 0x0021); // QUESTION_TYPE NBSTAT
    writeU16(out, 0x0001); // QUESTION_CLASS IN
    return out.toByteArray();
  }

  private static void writeU16(ByteArrayOutputStream out, int value) {
    out.write(value >> 8);
    out.write(value & 0xff);
  }
}
