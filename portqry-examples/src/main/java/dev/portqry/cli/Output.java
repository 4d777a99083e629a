package dev.portqry.cli;

import dev.portqry.core.SafeText;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a run's lines go: the console (unless {@code -q}) and the {@code -l} log file. Errors
 * go to stderr, and to the log. Thread-safe.
 *
 * <p>This is the CLI's rendering boundary: every line, whoever made it (a responder's section, a
 * target name from {@code -n @file}, a local process's command line, an interactive command
 * echoed back), is passed through {@link SafeText#escape(CharSequence)} here, so no control
 * character, bidi override or line break from a value reaches the terminal, stderr or the log.
 * The renderers before it escape too; the rule is idempotent, so nothing is escaped twice.
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

    /** @param text a line for the console and the log, escaped here */
    synchronized void line(String text) {
        String line = SafeText.escape(text);
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

    /** @param text an error line for stderr and the log, escaped here */
    synchronized void error(String text) {
        String line = SafeText.escape(text);
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
