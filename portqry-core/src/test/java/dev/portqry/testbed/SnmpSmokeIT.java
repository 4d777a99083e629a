package dev.portqry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The testbed's snmpd answers an SNMPv2c GetRequest for sysName.0 with the configured name when
 * asked with the testbed's (non-default) community. The message is BER-encoded by hand.
 */
class SnmpSmokeIT {

  @Test
  void getSysNameWithTheTestbedCommunity() throws Exception {
    Testbed tb = Testbed.require();
    // Four significant bytes, so that the fixed four-byte INTEGER below is also the minimal one.
    int requestId = ThreadLocalRandom.current().nextInt(0x01000000, 0x7fffffff);
    byte[] reply = SmokeSockets.exchange(tb.socketAddress("snmp.address", "snmp.port"),
        getRequest(tb.get("snmp.community"), requestId), SmokeSockets.TIMEOUT_MS);

    String text = new String(reply, StandardCharsets.ISO_8859_1);
    assertThat(text).as("reply carries sysName.0").contains(tb.get("snmp.sysname"));

    // Walk Message ::= SEQUENCE { version, community, data } down to the PDU (RFC 3416 section 3).
    int[] pos = {0};
    assertThat(reply[pos[0]] & 0xff).as("Message SEQUENCE").isEqualTo(0x30);
    enter(reply, pos);
    skipTlv(reply, pos);                                          // version
    assertThat(new String(value(reply, pos), StandardCharsets.US_ASCII)).as("community")
        .isEqualTo(tb.get("snmp.community"));
    assertThat(reply[pos[0]] & 0xff).as("GetResponse-PDU [2]").isEqualTo(0xa2);
    enter(reply, pos);
    assertThat(new BigInteger(value(reply, pos)).intValueExact()).as("request-id")
        .isEqualTo(requestId);
    assertThat(new BigInteger(value(reply, pos)).intValueExact()).as("error-status").isZero();
  }

  /** Message ::= SEQUENCE { version 1 (v2c), community, GetRequest-PDU } (RFC 1901, RFC 3416). */
  private static byte[] getRequest(String community, int requestId) {
    byte[] oid = {0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00}; // 1.3.6.1.2.1.1.5.0 sysName.0
    byte[] varBind = tlv(0x30, concat(tlv(0x06, oid), tlv(0x05, new byte[0])));
    byte[] pdu = tlv(0xa0, concat(
        tlv(0x02, new byte[] {(byte) (requestId >>> 24), (byte) (requestId >>> 16),
            (byte) (requestId >>> 8), (byte) requestId}),
        tlv(0x02, new byte[] {0}),             // error-status
        tlv(0x02, new byte[] {0}),             // error-index
        tlv(0x30, varBind)));                  // variable-bindings
    return tlv(0x30, concat(
        tlv(0x02, new byte[] {1}),             // version: 1 means SNMPv2c
        tlv(0x04, community.getBytes(StandardCharsets.US_ASCII)),
        pdu));
  }

  /** Tag, short-form length (every value here is under 128 bytes), value. */
  private static byte[] tlv(int tag, byte[] value) {
    if (value.length > 127) {
      throw new IllegalArgumentException("value too long for short-form length: " + value.length);
    }
    return concat(new byte[] {(byte) tag, (byte) value.length}, value);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Moves past a tag and its length (short or long form), into the value. */
  private static int enter(byte[] b, int[] pos) {
    pos[0]++;
    int first = b[pos[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (b[pos[0]++] & 0xff);
    }
    return length;
  }

  /** Returns the value of the TLV at {@code pos} and moves past it. */
  private static byte[] value(byte[] b, int[] pos) {
    int length = enter(b, pos);
    byte[] v = Arrays.copyOfRange(b, pos[0], pos[0] + length);
    pos[0] += length;
    return v;
  }

  private static void skipTlv(byte[] b, int[] pos) {
    value(b, pos);
  }
}
