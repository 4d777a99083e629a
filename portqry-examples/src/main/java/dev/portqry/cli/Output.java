package dev.portqry.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a run's lines go: the console (unless {@code -q}) and the {@code -l} log file. Errors
 * go to stderr, and to the log. Thread-safe.
 */
final class Output implements AutoCloseable {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;
    private volatile LogFile log;
    private int batch;

    /**
     * @param out the console, not null
     * @param err the error stream, not null
     * @param quiet {@code -q}: the console gets errors only
     */
    Output(PrintStream out, PrintStream err, boolean quiet) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.quiet = quiet;
    }

    /** @param log the log file every line is copied to from now on */
    void log(LogFile log) {
        this.log = log;
    }

    /** @param line a line for the console and the log */
    synchronized void line(String line) {
        if (!quiet) {
            out.println(line);
            if (batch == 0) {
                out.flush();
            }
        }
        LogFile l = log;
        if (l != null) {
            l.line(line);
        }
    }

    /** @param line a line for the log file only (PortQry's blank lines before the log's end marker) */
    synchronized void logOnly(String line) {
        LogFile l = log;
        if (l != null) {
            l.line(line);
        }
    }

    /** Pushes buffered console lines out. */
    synchronized void flush() {
        out.flush();
    }

    /**
     * Lines from now until {@link #endBatch()} are not flushed one by one (a range scan prints
     * thousands): the caller flushes when the next line is not ready at once.
     */
    synchronized void beginBatch() {
        batch++;
    }

    /** Ends a {@link #beginBatch()} and flushes. */
    synchronized void endBatch() {
        batch--;
        out.flush();
    }

    /** @param text text for the console without a line end (a prompt); not logged */
    synchronized void prompt(String text) {
        out.print(text);
        out.flush();
    }

    /** @param line an error line for stderr and the log */
    synchronized void error(String line) {
        out.flush();
        err.println(line);
        err.flush();
        LogFile l = log;
        if (l != null) {
            l.line(line);
        }
    }

    /** Flushes the console and closes the log with its end marker. */
    @Override
    public synchronized void close() {
        out.flush();
        LogFile l = log;
        if (l != null) {
            l.close();
        }
    }
}
