package dev.portqry.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked command line: which mode runs and with what.
 *
 * @param mode the mode
 * @param query the query of command-line mode; in interactive mode the starting values (the
 *        target list may hold a placeholder when {@code -n} was not given)
 * @param targetGiven whether {@code -n} was given
 * @param logFile {@code -l}
 * @param overwrite {@code -y} (or {@code -q}): overwrite the log file without asking
 * @param watch the local-mode settings
 * @param argv the command line as typed, for the log file
 * @param ui the web UI's settings ({@code -ui}, {@code -uiaddr})
 * @param exporter the Prometheus exporter's settings ({@code -exporter}, {@code -exporteraddr}, {@code -exporterconfig})
 */
public record CliRequest(Mode mode, QueryPlan query, boolean targetGiven, Optional<Path> logFile, boolean overwrite,
                         WatchSettings watch, List<String> argv, UiSettings ui, ExporterSettings exporter) {
    /** Checks and copies the fields. */
    public CliRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(watch, "watch");
        argv = List.copyOf(argv);
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(exporter, "exporter");
    }

    /**
     * A request of any mode but {@link Mode#EXPORTER}.
     *
     * @param mode the mode
     * @param query the query
     * @param targetGiven whether {@code -n} was given
     * @param logFile {@code -l}
     * @param overwrite {@code -y}
     * @param watch the local-mode settings
     * @param argv the command line as typed
     * @param ui the web UI's settings
     */
    public CliRequest(Mode mode, QueryPlan query, boolean targetGiven, Optional<Path> logFile, boolean overwrite,
                      WatchSettings watch, List<String> argv, UiSettings ui) {
        this(mode, query, targetGiven, logFile, overwrite, watch, argv, ui, ExporterSettings.NONE);
    }

    /**
     * A request of any mode but {@link Mode#UI}.
     *
     * @param mode the mode
     * @param query the query
     * @param targetGiven whether {@code -n} was given
     * @param logFile {@code -l}
     * @param overwrite {@code -y}
     * @param watch the local-mode settings
     * @param argv the command line as typed
     */
    public CliRequest(Mode mode, QueryPlan query, boolean targetGiven, Optional<Path> logFile, boolean overwrite,
                      WatchSettings watch, List<String> argv) {
        this(mode, query, targetGiven, logFile, overwrite, watch, argv, UiSettings.NONE);
    }

    /** What the run does. */
    public enum Mode {
        /** {@code -?}: print help. */
        HELP,
        /** {@code -n}: query ports. */
        QUERY,
        /** {@code -i}: read commands. */
        INTERACTIVE,
        /** {@code -local}: list this computer's ports. */
        LOCAL,
        /** {@code -wport}: watch one port. */
        WATCH_PORT,
        /** {@code -wpid}: watch one process. */
        WATCH_PID,
        /** {@code -ui}: serve the web UI. */
        UI,
        /** {@code -exporter}: serve the Prometheus exporter. */
        EXPORTER
    }

    /**
     * The Prometheus exporter's settings.
     *
     * @param port {@code -exporter}'s port, 0-65535 (0: any free port)
     * @param address {@code -exporteraddr}: the address to bind instead of loopback
     * @param config {@code -exporterconfig}: the modules file
     */
    public record ExporterSettings(int port, Optional<InetAddress> address, Optional<Path> config) {
        /** No exporter: the settings of every other mode. */
        public static final ExporterSettings NONE = new ExporterSettings(0, Optional.empty(), Optional.empty());

        /** Checks for nulls. */
        public ExporterSettings {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * The web UI's settings.
     *
     * @param port {@code -ui}'s port, 0-65535 (0: any free port)
     * @param address {@code -uiaddr}: the address to bind instead of loopback
     */
    public record UiSettings(int port, Optional<InetAddress> address) {
        /** No UI: the settings of every other mode. */
        public static final UiSettings NONE = new UiSettings(0, Optional.empty());
    }

    /**
     * Local-mode settings.
     *
     * @param port the port {@code -wport} watches, 0 when none
     * @param pid the process {@code -wpid} watches, 0 when none
     * @param interval {@code -wt}: how often a watch checks for changes (PortQry's check interval)
     * @param verbose {@code -v}: add command lines and mapped files
     */
    public record WatchSettings(int port, long pid, Duration interval, boolean verbose) {
        /** Default {@code -wt}: 60 s. */
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
        /** Longest {@code -wt}: 1200 s. */
        public static final int MAX_SECONDS = 1200;
    }
}
