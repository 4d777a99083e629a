package dev.portqry.cli.local;

import dev.portqry.cli.CliException;
import dev.portqry.cli.CliRequest;
import dev.portqry.cli.ExitCodes;
import dev.portqry.core.ServiceNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * PortQry's local mode on Linux ({@code -local}, {@code -wport}, {@code -wpid}), read from
 * {@code /proc}; elsewhere it fails with "not supported on this system".
 */
public final class LocalMode {
    private final Consumer<String> out;
    private final BooleanSupplier stop;
    private final ProcNet net;
    private final ProcessTable processes;

    /**
     * @param out where lines go
     * @param stop true once watching must stop (Ctrl+C)
     */
    public LocalMode(Consumer<String> out, BooleanSupplier stop) {
        this(out, stop, Path.of("/proc"));
    }

    LocalMode(Consumer<String> out, BooleanSupplier stop, Path procRoot) {
        this.out = out;
        this.stop = stop;
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
            case LOCAL -> new LocalReport(processes, ServiceNames.system())
                    .lines(net.sockets(), processes.socketOwners(), w.verbose()).forEach(out);
            case WATCH_PORT -> watcher().watch("port " + w.port(), 0, w.port(), w.duration());
            case WATCH_PID -> {
                String name = processes.name(w.pid()).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                        "-wpid " + w.pid() + ": no such process"));
                watcher().watch("process " + w.pid() + " (" + name + ")", w.pid(), 0, w.duration());
                if (w.verbose()) {
                    out.accept("Command line: " + processes.commandLine(w.pid()).orElse("(none)"));
                    out.accept("Modules loaded:");
                    processes.mappedFiles(w.pid()).forEach(f -> out.accept("  " + f));
                }
            }
            default -> throw new IllegalArgumentException("not a local mode: " + req.mode());
        }
        return ExitCodes.LISTENING;
    }

    private PortWatcher watcher() {
        return new PortWatcher(net, processes, out, stop);
    }
}
