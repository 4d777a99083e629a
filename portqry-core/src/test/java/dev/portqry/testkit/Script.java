package dev.portqry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a {@link LoopbackPeer} does with one TCP connection, step by step: send bytes, wait,
 * read, answer what was read, then hang up politely (FIN), rudely (RST) or never. Immutable;
 * each step returns a new script, so one script serves every connection.
 *
 * <pre>{@code
 * Script.create().sendLine("220 ftp ready").readLine().sendLine("331 password please").reset()
 * }</pre>
 */
public final class Script implements LoopbackPeer.Handler {
    /** Reads one message from the client; returns null at end of stream. */
    @FunctionalInterface
    public interface Reader {
        /**
         * @param in the client's bytes
         * @return one message, or null when the stream ended first
         * @throws IOException when the client goes away
         */
        byte[] read(InputStream in) throws IOException;
    }

    private interface Step {
        /** @return false to end the connection at once, without the peer's FIN-and-wait */
        boolean run(Socket socket, InputStream in, OutputStream out, byte[][] last) throws IOException, InterruptedException;
    }

    private final List<Step> steps;

    private Script(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** @return a script that does nothing (the peer then sends FIN) */
    public static Script create() {
        return new Script(List.of());
    }

    private Script then(Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.add(step);
        return new Script(next);
    }

    /** @param bytes sent as one write */
    public Script send(byte[] bytes) {
        byte[] copy = bytes.clone();
        return then((s, in, out, last) -> {
            out.write(copy);
            out.flush();
            return true;
        });
    }

    /** @param text sent in ASCII, without a line end */
    public Script send(String text) {
        return send(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** @param line sent in ASCII with CRLF */
    public Script sendLine(String line) {
        return send(line + "\r\n");
    }

    /**
     * @param bytes sent in writes of {@code piece} bytes, so that the client must frame the reply across reads
     * @param piece bytes per write, at least 1
     */
    public Script sendInPieces(byte[] bytes, int piece) {
        byte[] copy = bytes.clone();
        return then((s, in, out, last) -> {
            write(out, copy, piece);
            return true;
        });
    }

    private static void write(OutputStream out, byte[] bytes, int piece) throws IOException {
        for (int i = 0; i < bytes.length; i += piece) {
            out.write(bytes, i, Math.min(piece, bytes.length - i));
            out.flush();
        }
    }

    /** @param pause how long to wait before the next step */
    public Script delay(Duration pause) {
        return then((s, in, out, last) -> {
            Thread.sleep(pause.toMillis());
            return true;
        });
    }

    /** @param reader reads one message; the next {@link #reply} step sees it */
    public Script read(Reader reader) {
        return then((s, in, out, last) -> {
            last[0] = reader.read(in);
            return last[0] != null;
        });
    }

    /** @param n reads exactly this many bytes */
    public Script read(int n) {
        return read(in -> {
            byte[] b = in.readNBytes(n);
            return b.length < n ? null : b;
        });
    }

    /** Reads one line, up to and including LF. */
    public Script readLine() {
        return read(Script::line);
    }

    /**
     * Read-then-reply: answers the message the last read step returned.
     *
     * @param answer maps it to the reply, or to null to send nothing
     */
    public Script reply(UnaryOperator<byte[]> answer) {
        return reply(answer, Integer.MAX_VALUE);
    }

    /**
     * Read-then-reply, the reply written in pieces so that the client must frame it across reads.
     *
     * @param answer maps the message the last read step returned to the reply, or to null to send nothing
     * @param piece bytes per write, at least 1
     */
    public Script reply(UnaryOperator<byte[]> answer, int piece) {
        return then((s, in, out, last) -> {
            byte[] reply = answer.apply(last[0]);
            if (reply != null) {
                write(out, reply, piece);
            }
            return true;
        });
    }

    /** Ends the connection with a FIN at once, without waiting for the client. */
    public Script close() {
        return then((s, in, out, last) -> {
            s.close();
            return false;
        });
    }

    /** Ends the connection with an RST (SO_LINGER 0). */
    public Script reset() {
        return then((s, in, out, last) -> {
            s.setSoLinger(true, 0);
            s.close();
            return false;
        });
    }

    /** Reads and discards until the client hangs up, never answering. */
    public Script stall() {
        return then((s, in, out, last) -> {
            in.transferTo(OutputStream.nullOutputStream());
            return false;
        });
    }

    @Override
    public void serve(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException {
        byte[][] last = new byte[1][];
        for (Step step : steps) {
            if (!step.run(socket, in, out, last)) {
                return;
            }
        }
    }

    /**
     * @param in a stream
     * @return one line including its LF, or what came before the end of stream, or null when none
     * @throws IOException when reading fails
     */
    public static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
