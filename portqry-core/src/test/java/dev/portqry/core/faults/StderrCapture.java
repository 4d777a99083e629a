package dev.portqry.core.faults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the test logging binding (slf4j-simple, which writes to the current
 * {@code System.err}) prints while a fault runs, so a test can say nothing was logged above DEBUG.
 */
public final class StderrCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Starts capturing. */
    public StderrCapture() {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** @return the lines at WARN or ERROR captured so far */
    public synchronized List<String> warnings() {
        return bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.startsWith("WARN") || l.startsWith("ERROR"))
                .toList();
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(bytes.toString(StandardCharsets.UTF_8));
    }
}
