package dev.portqry.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain HTTP/1.1 client over a socket, so tests control every header (Host included). */
final class RawHttp {
    private RawHttp() {
    }

    /** A response: status code, raw head and body. */
    record Response(int status, String head, String body) {
    }

    /**
     * Sends one request with {@code Connection: close} and reads the whole response.
     *
     * @param port the exporter's port on 127.0.0.1
     * @param request the request line and headers without the final blank line, e.g.
     *        {@code GET / HTTP/1.1\r\nHost: 127.0.0.1}
     */
    static Response send(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write((request + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return parse(s.getInputStream().readAllBytes());
        }
    }

    /**
     * @param port the exporter's port
     * @param pathAndQuery e.g. {@code /probe?target=127.0.0.1&module=web}
     * @param extraHeaders more header lines, each without line end
     */
    static Response get(int port, String pathAndQuery, String... extraHeaders) throws IOException {
        StringBuilder b = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port);
        for (String h : extraHeaders) {
            b.append("\r\n").append(h);
        }
        return send(port, b.toString());
    }

    static Response parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Response(-1, all, "");
        }
        String head = all.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Response(status, head, all.substring(end + 4));
    }

    /** @return whether the server closed the stream (read returned -1) before the socket's timeout */
    static boolean closedByServer(InputStream in) {
        try {
            while (in.read() >= 0) {
                // drain whatever the server sent before closing
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
