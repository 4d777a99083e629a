package dev.portqry.cli;

import dev.portqry.core.SafeText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * PortQry's {@code -l} log file: its header (version, system date, command, computer name), every
 * line the run prints, and the end marker, written once even when Ctrl+C interrupts the run.
 * Thread-safe.
 */
final class LogFile implements AutoCloseable {
    /** The last line of every log. */
    static final String END = "========= end of log file =========";
    /** C's {@code ctime()} layout, e.g. {@code Thu Jan  8 14:03:07 2026}. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private final Path path;
    private final BufferedWriter writer;
    private boolean closed;

    private LogFile(Path path, BufferedWriter writer) {
        this.path = path;
        this.writer = writer;
    }

    /**
     * Opens (creating or truncating) the log and writes its header.
     *
     * @param path the file
     * @param argv the command line, for {@code Command run:}
     * @param overwrite {@code -y}: overwrite an existing file without asking
     * @param ask asks the terminal a yes/no question and returns the answer; null when there is no terminal
     * @return the open log
     * @throws CliException {@link ExitCodes#USAGE} when the file exists and may not be overwritten or
     *         is a symbolic link (even with {@code overwrite}), {@link ExitCodes#FAILURE} when it cannot be written
     */
    static LogFile open(Path path, List<String> argv, boolean overwrite, Function<String, String> ask) {
        // Never through a link, even with -y: a dangling one would create its target, and under
        // sudo -y would overwrite whatever it points at.
        if (Files.isSymbolicLink(path)) {
            throw symbolicLink(path);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            if (ask == null) {
                throw CliException.usage("-l " + path + ": the log file exists and there is no terminal to ask; add -y to overwrite it");
            }
            String answer = ask.apply("Log file " + SafeText.escape(path.toString()) + " already exists. Do you want to overwrite it? (Y/N) ");
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                throw CliException.usage("-l " + path + ": the log file exists and was not overwritten");
            }
        }
        try {
            BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            LogFile log = new LogFile(path, w);
            log.line("PortQry Version 2.0 Log File");
            log.line("");
            log.line("System Date: " + systemDate());
            log.line("");
            log.line("Command run:");
            log.line(" portqry " + String.join(" ", argv));
            log.line("");
            log.line("Local computer name:");
            log.line("");
            log.line(" " + LocalHost.name());
            log.line("");
            return log;
        } catch (IOException e) {
            // O_NOFOLLOW refuses a link made after the check above (ELOOP).
            throw Files.isSymbolicLink(path) ? symbolicLink(path) : writeFailure(path, e);
        }
    }

    private static CliException symbolicLink(Path path) {
        return CliException.usage("-l " + path + ": is a symbolic link; the log file is never written through a link");
    }

    /** @return the current date as PortQry prints it after {@code System Date:}, e.g. {@code Thu Jan  8 14:03:07 2026} */
    static String systemDate() {
        return CTIME.format(ZonedDateTime.now());
    }

    private static CliException writeFailure(Path path, IOException e) {
        return new CliException(ExitCodes.FAILURE, "-l " + path + ": cannot write the log file (" + e.getMessage() + ")");
    }

    /**
     * Appends a line, escaped ({@link SafeText}: the command line in the header is the user's, the
     * rest may come off the wire); does nothing once closed.
     *
     * @param line the text, without terminator
     */
    synchronized void line(String line) {
        if (closed) {
            return;
        }
        try {
            writer.write(SafeText.escape(line));
            writer.newLine();
            // Flushed per line: a watch can be followed with tail -f and a killed run keeps its lines.
            writer.flush();
        } catch (IOException e) {
            throw writeFailure(path, e);
        }
    }

    /** Writes the end marker and closes the file; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            writer.write(END);
            writer.newLine();
            writer.close();
        } catch (IOException e) {
            throw writeFailure(path, e);
        } finally {
            closed = true;
        }
    }
}
