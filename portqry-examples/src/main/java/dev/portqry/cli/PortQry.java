package dev.portqry.cli;

import dev.portqry.cli.local.LocalMode;
import dev.portqry.core.PortProbe;
import dev.portqry.exporter.ExporterCommand;
import dev.portqry.ui.UiCommand;
import dev.portqry.ui.UiOptions;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code portqry} command: PortQry 2.0's command line, output and exit codes (see CLI.md),
 * plus JSON output, predefined services, several targets and local mode on Linux.
 *
 * <pre>{@code
 * java -jar portqry.jar -n dc1.corp.example.test -p udp -e 389
 * }</pre>
 *
 * <p>Every failure ends as one line on stderr and an exit code from {@link ExitCodes}; no stack trace.
 */
public final class PortQry {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> ask;
    private final boolean installHook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private Supplier<PortProbe> probes = () -> PortProbe.builder().build();
    private volatile Output output;
    private volatile boolean stopRequested;
    private volatile boolean watching;

    /**
     * @param in the input of interactive mode, not null
     * @param out the console, not null
     * @param err the error stream, not null
     * @param ask asks the terminal a yes/no question and returns the answer; null when there is no terminal
     * @param installHook whether Ctrl+C (a shutdown hook) stops watching and closes the log cleanly
     */
    public PortQry(InputStream in, PrintStream out, PrintStream err, Function<String, String> ask, boolean installHook) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.ask = ask;
        this.installHook = installHook;
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args PortQry's arguments
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int code;
        try {
            Console console = System.console();
            Function<String, String> ask = console == null ? null : console::readLine;
            // System.out flushes on every line: 65,535 status lines would cost 65,535 writes. Output
            // flushes this buffered stream itself whenever the next line is not ready at once.
            PrintStream stdout = new PrintStream(new java.io.BufferedOutputStream(
                    new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false, Charset.defaultCharset());
            System.setOut(stdout);
            code = new PortQry(System.in, stdout, System.err, ask, true).run(args);
        } catch (Throwable t) {
            System.err.println("portqry: internal error: " + t + " (exit code " + ExitCodes.FAILURE + ")");
            code = ExitCodes.FAILURE;
        }
        System.out.flush();
        System.exit(code);
    }

    /**
     * @param probes makes the probe engine of each run (tests register their own responders); not null
     * @return this
     */
    PortQry probes(Supplier<PortProbe> probes) {
        this.probes = Objects.requireNonNull(probes, "probes");
        return this;
    }

    /**
     * Runs one command.
     *
     * @param args PortQry's arguments, not null
     * @return the exit code (see {@link ExitCodes})
     */
    public int run(String... args) {
        List<String> argv = Arrays.asList(args);
        Output o = null;
        Thread hook = null;
        try {
            CliRequest req = ArgumentParser.parse(argv);
            if (req.mode() == CliRequest.Mode.HELP) {
                HelpText.lines().forEach(out::println);
                return ExitCodes.LISTENING;
            }
            o = new Output(out, err, req.query().quiet());
            output = o;
            if (installHook) {
                hook = new Thread(this::onSignal, "portqry-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            if (req.logFile().isPresent()) {
                o.log(LogFile.open(req.logFile().get(), argv, req.overwrite(), ask));
            }
            return dispatch(req, o);
        } catch (CliException e) {
            String line = "portqry: " + e.getMessage() + " (exit code " + e.exitCode() + ")";
            if (o != null) {
                o.error(line);
            } else {
                err.println(line);
            }
            return e.exitCode();
        } catch (IOException e) {
            String line = "portqry: " + e.getMessage() + " (exit code " + ExitCodes.FAILURE + ")";
            err.println(line);
            return ExitCodes.FAILURE;
        } finally {
            if (o != null) {
                o.close();
            }
            finished.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down: the hook is running or done.
                }
            }
        }
    }

    private int dispatch(CliRequest req, Output o) throws IOException {
        switch (req.mode()) {
            case LOCAL, WATCH_PORT, WATCH_PID:
                watching = true;
                return new LocalMode(o::line, () -> stopRequested).run(req);
            case UI:
                watching = true;
                try (PortProbe probe = probes.get()) {
                    UiOptions.Builder ui = UiOptions.builder().port(req.ui().port()).probeOptions(req.query().options());
                    if (req.query().parallel() > 0) {
                        // 0 is the CLI's "derive from the open-file limit"; the page keeps its own default then.
                        ui.parallel(Math.min(req.query().parallel(), 1024));
                    }
                    req.ui().address().ifPresent(ui::bindAddress);
                    return UiCommand.run(probe, ui.build(), o::line, o::error, () -> stopRequested);
                }
            case EXPORTER:
                watching = true;
                try (PortProbe probe = probes.get()) {
                    CliRequest.ExporterSettings x = req.exporter();
                    return ExporterCommand.run(probe, x.port(), x.address(), x.config(), req.query().options(), o::line,
                            o::error, () -> stopRequested);
                }
            default:
                break;
        }
        try (PortProbe probe = probes.get()) {
            QueryRunner runner = new QueryRunner(probe, o);
            if (req.mode() == CliRequest.Mode.INTERACTIVE) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
                return new InteractiveShell(r, o, runner, req.query()).run();
            }
            return runner.run(req.query());
        }
    }

    /** Ctrl+C: ask a watch to stop, give the run a moment to finish its lines, then end the log. */
    private void onSignal() {
        stopRequested = true;
        try {
            if (watching) {
                finished.await(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Output o = output;
        if (o != null) {
            o.close();
        }
    }
}
