package dev.portqry.cli;

import dev.portqry.cli.local.LocalMode;
import dev.portqry.core.PortProbe;
import dev.portqry.core.SafeText;
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
    /** The system property Netty reads its machine id from (io.netty.channel.DefaultChannelId). */
    static final String NETTY_MACHINE_ID = "io.netty.machineId";
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
    private volatile boolean escapePressed;
    /** The Esc key's byte. */
    private static final int ESC = 0x1b;

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
        setNettyMachineId();
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
            System.err.println(SafeText.escape("portqry: internal error: " + t + " (exit code " + ExitCodes.FAILURE + ")"));
            code = ExitCodes.FAILURE;
        }
        System.out.flush();
        System.exit(code);
    }

    /**
     * Gives Netty a machine id before any of its classes loads. Without one, Netty derives it from
     * a hardware address, and on a host or in a network namespace with only loopback it prints
     * a {@code MacAddressUtil} WARN on every run. The id only keeps channel ids unique within
     * this process, so random bytes (what Netty itself falls back to) serve. A value given with
     * {@code -Dio.netty.machineId} is kept.
     */
    static void setNettyMachineId() {
        if (System.getProperty(NETTY_MACHINE_ID) == null) {
            byte[] id = new byte[8];
            new java.security.SecureRandom().nextBytes(id);
            // Locally administered, unicast (IEEE 802): never taken for a real interface's address.
            id[0] = (byte) ((id[0] | 0x02) & ~0x01);
            System.setProperty(NETTY_MACHINE_ID, java.util.HexFormat.ofDelimiter(":").formatHex(id));
        }
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
        if (dev.portqry.cli.domain.DomainCommand.applies(argv)) {
            return new dev.portqry.cli.domain.DomainCommand(out, err, probes, installHook
                    && dev.portqry.cli.domain.DomainCommand.colourTerminal()).run(argv);
        }
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
                err.println(SafeText.escape(line));
            }
            return e.exitCode();
        } catch (IOException e) {
            String line = "portqry: " + e.getMessage() + " (exit code " + ExitCodes.FAILURE + ")";
            err.println(SafeText.escape(line));
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
                if (req.mode() != CliRequest.Mode.LOCAL) {
                    watchEscapeKey();
                }
                return new LocalMode(o::line, () -> stopRequested,
                        () -> escapePressed ? "escape key pressed" : "Ctrl+C pressed", LogFile::systemDate).run(req);
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
            int code = runner.run(req.query());
            // PortQry's query log ends with two blank lines before its end marker ("Using the PortQry
            // command-line tool", the -q -l sample).
            o.logOnly("");
            o.logOnly("");
            return code;
        }
    }

    /**
     * PortQry stops a watch on Esc: a daemon thread reads the input and stops at the first Esc
     * byte (on a terminal in line mode, Esc then Enter). End of input does not stop the watch, so
     * a watch started without input (a service, {@code < /dev/null}) runs until Ctrl+C.
     */
    private void watchEscapeKey() {
        Thread t = new Thread(() -> {
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == ESC) {
                        escapePressed = true;
                        stopRequested = true;
                        return;
                    }
                }
            } catch (IOException e) {
                // No usable input: only Ctrl+C stops the watch.
            }
        }, "portqry-escape-key");
        t.setDaemon(true);
        t.start();
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
