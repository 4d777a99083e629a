package dev.portqry.cli.local;

import dev.portqry.cli.CliException;
import dev.portqry.cli.CliRequest;
import dev.portqry.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * PortQry's local mode on Linux ({@code -local}, {@code -wport}, {@code -wpid}), read from
 * {@code /proc}; elsewhere it fails with "not supported on this system".
 */
public final class LocalMode {
    private final Consumer<String> out;
    private final BooleanSupplier stop;
    private final Supplier<String> stopWhy;
    private final Supplier<String> systemDate;
    private final ProcNet net;
    private final ProcessTable processes;

    /**
     * @param out where lines go
     * @param stop true once watching must stop (Esc or Ctrl+C)
     * @param stopWhy what stopped it, for PortQry's last line, e.g. {@code escape key pressed}
     * @param systemDate the current date as PortQry prints it ({@code System Date:})
     */
    public LocalMode(Consumer<String> out, BooleanSupplier stop, Supplier<String> stopWhy, Supplier<String> systemDate) {
        this(out, stop, stopWhy, systemDate, Path.of("/proc"));
    }

    LocalMode(Consumer<String> out, BooleanSupplier stop, Supplier<String> stopWhy, Supplier<String> systemDate, Path procRoot) {
        this.out = out;
        this.stop = stop;
        this.stopWhy = stopWhy;
        this.systemDate = systemDate;
        this.net = new ProcNet(procRoot);
        this.processes = new ProcessTable(procRoot);
    }

    /**
     * @param req a request in mode LOCAL, WATCH_PORT or WATCH_PID
     * @return {@link ExitCodes#LISTENING} (0) when it ran
     * @throws CliException {@link ExitCodes#FAILURE} when this system has no {@code /proc/net} tables
     * @throws IOException when the tables cannot be read
     */
    public int run(CliRequest req) throws IOException {
        if (!net.supported()) {
            throw new CliException(ExitCodes.FAILURE, "local mode (-local, -wport, -wpid) is not supported on this system:"
                    + " it reads Linux's /proc/net tables");
        }
        CliRequest.WatchSettings w = req.watch();
        switch (req.mode()) {
            case LOCAL -> new LocalReport(processes).lines(net.sockets(), processes.socketOwners(), w.verbose()).forEach(out);
            case WATCH_PORT -> watcher().watch("port " + w.port(), 0, w.port(), w.interval(), w.verbose());
            case WATCH_PID -> {
                if (processes.name(w.pid()).isEmpty()) {
                    throw new CliException(ExitCodes.USAGE, "-wpid " + w.pid() + ": no such process");
                }
                watcher().watch("PID " + w.pid(), w.pid(), 0, w.interval(), w.verbose());
            }
            default -> throw new IllegalArgumentException("not a local mode: " + req.mode());
        }
        return ExitCodes.LISTENING;
    }

    private PortWatcher watcher() {
        return new PortWatcher(net, processes, out, stop, stopWhy, systemDate);
    }
}
