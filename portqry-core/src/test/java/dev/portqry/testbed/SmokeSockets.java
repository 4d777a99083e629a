package dev.portqry.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Plain JDK socket helpers for the testbed smoke ITs, which prove each peer reachable without the
 * project's own probe code. Every call is bounded by {@link #TIMEOUT_MS}.
 */
final class SmokeSockets {

  /** Connect and read timeout of every helper, in milliseconds. */
  static final int TIMEOUT_MS = 2000;

  private SmokeSockets() {
  }

  /** Opens and closes a TCP connection; throws what {@link Socket#connect} throws. */
  static void connect(InetSocketAddress target, int timeoutMs) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(target, timeoutMs);
    }
  }

  /** Connects and returns the first line the server sends unprompted (its greeting). */
  static String greeting(InetSocketAddress target) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(target, TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String line = in.readLine();
      if (line == null) {
        throw new IOException(target + " closed the connection before greeting");
      }
      return line;
    }
  }

  /**
   * Sends one datagram from a connected socket and returns the first reply. A connected socket
   * is what turns an ICMP error into an exception ({@code PortUnreachableException} and the like).
   */
  static byte[] exchange(InetSocketAddress target, byte[] request, int timeoutMs) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(target);
      socket.setSoTimeout(timeoutMs);
      socket.send(new DatagramPacket(request, request.length));
      DatagramPacket reply = new DatagramPacket(new byte[65535], 65535);
      socket.receive(reply);
      return Arrays.copyOf(reply.getData(), reply.getLength());
    }
  }

  /** Big-endian unsigned 16-bit value at {@code offset}. */
  static int u16(byte[] b, int offset) {
    return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
  }
}
