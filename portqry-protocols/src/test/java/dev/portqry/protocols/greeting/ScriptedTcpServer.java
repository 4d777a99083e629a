package dev.portqry.protocols.greeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A one-connection TCP server on 127.0.0.1 that sends a greeting, answers command lines from a
 * script, and records everything the client sent until it closed (or the server is closed).
 */
final class ScriptedTcpServer implements AutoCloseable {
    /** An answer that makes the server close the connection instead. */
    static final byte[] HANG_UP = new byte[0];

    private final ServerSocket server;
    private final CompletableFuture<String> received = new CompletableFuture<>();
    private volatile Socket socket;

    /**
     * @param greeting bytes sent on accept
     * @param answers reply bytes per command line (without CRLF), or {@link #HANG_UP}; others get no answer
     */
    ScriptedTcpServer(byte[] greeting, Map<String, byte[]> answers) throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> serve(greeting, answers), "scripted-tcp-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return what the client sent, complete once the client closed */
    CompletableFuture<String> received() {
        return received;
    }

    private void serve(byte[] greeting, Map<String, byte[]> answers) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Socket s = server.accept()) {
            socket = s;
            OutputStream out = s.getOutputStream();
            out.write(greeting);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                all.write(b);
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String cmd = line.toString(StandardCharsets.US_ASCII).strip();
                line.reset();
                byte[] answer = answers.get(cmd);
                if (answer == HANG_UP) {
                    break;
                }
                if (answer != null) {
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
        received.complete(all.toString(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        Socket s = socket;
        if (s != null) {
            s.close();
        }
        server.close();
    }
}
