package dev.portqry.cli.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code -wport} and {@code -wpid} as KB 832919 shows them: {@code Watching port: 135},
 * {@code Checking for changes every 60 seconds}, then a {@code ============} rule, the
 * {@code System Date:} and each owning process's block; every {@code -wt} seconds the tables are
 * read again and, when a row appeared, went away or changed state, the date and the blocks are
 * printed again. The watch runs until a stop is requested (Esc or Ctrl+C), then prints
 * {@code escape key pressed: stopped watching port 135} and the date.
 */
final class PortWatcher {
    private static final long TICK_MS = 100;

    private final ProcNet net;
    private final ProcessTable processes;
    private final Consumer<String> out;
    private final BooleanSupplier stop;
    private final Supplier<String> stopWhy;
    private final Supplier<String> systemDate;

    /**
     * @param net the socket tables
     * @param processes the process table
     * @param out where lines go
     * @param stop true once watching must stop
     * @param stopWhy the words before {@code : stopped watching}, e.g. {@code escape key pressed}
     * @param systemDate the current date as PortQry prints it
     */
    PortWatcher(ProcNet net, ProcessTable processes, Consumer<String> out, BooleanSupplier stop, Supplier<String> stopWhy,
                Supplier<String> systemDate) {
        this.net = net;
        this.processes = processes;
        this.out = out;
        this.stop = stop;
        this.stopWhy = stopWhy;
        this.systemDate = systemDate;
    }

    /**
     * @param what what is watched, e.g. {@code port 135} or {@code PID 1276}
     * @param pid the process watched, or 0 to watch a port
     * @param port the port watched, or 0 to watch a process
     * @param interval {@code -wt}: how often to check
     * @param verbose {@code -v}: list each process's modules
     * @throws IOException when the tables cannot be read
     */
    void watch(String what, long pid, int port, Duration interval, boolean verbose) throws IOException {
        LocalReport report = new LocalReport(processes);
        out.accept("Watching " + (pid != 0 ? "PID: " + pid : "port: " + port));
        out.accept("");
        out.accept("Checking for changes every " + interval.toSeconds() + " seconds");
        out.accept("");
        if (verbose) {
            out.accept("verbose output requested");
            out.accept("");
        }
        out.accept("============");
        Map<Long, List<SocketEntry>> last = snapshot(pid, port);
        dump(report, last, what, verbose);
        while (pause(interval)) {
            Map<Long, List<SocketEntry>> cur = snapshot(pid, port);
            if (!rows(cur).equals(rows(last))) {
                dump(report, cur, what, verbose);
            }
            last = cur;
        }
        out.accept(stopWhy.get() + ": stopped watching " + what);
        out.accept("System Date: " + systemDate.get());
        out.accept("");
    }

    private void dump(LocalReport report, Map<Long, List<SocketEntry>> byPid, String what, boolean verbose) {
        out.accept("System Date: " + systemDate.get());
        out.accept("");
        if (byPid.isEmpty()) {
            out.accept("No process is using " + what);
            out.accept("");
        }
        byPid.forEach((p, sockets) -> report.processBlock(p, sockets, verbose).forEach(out));
    }

    private static List<String> rows(Map<Long, List<SocketEntry>> byPid) {
        List<String> rows = new ArrayList<>();
        byPid.forEach((p, sockets) -> sockets.forEach(s -> rows.add(p + " " + s.row())));
        return rows;
    }

    /** @return false once a stop is requested; true after a full interval */
    private boolean pause(Duration interval) {
        long until = System.nanoTime() + interval.toNanos();
        while (System.nanoTime() < until) {
            if (stop.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(TICK_MS, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stop.getAsBoolean();
    }

    private Map<Long, List<SocketEntry>> snapshot(long pid, int port) throws IOException {
        List<SocketEntry> all = net.sockets().stream().sorted(SocketEntry.PORTQRY_ORDER).toList();
        Map<Long, Long> owners;
        Predicate<SocketEntry> keep;
        if (pid != 0) {
            Set<Long> inodes = processes.socketInodes(pid);
            owners = new java.util.HashMap<>();
            inodes.forEach(i -> owners.put(i, pid));
            keep = s -> inodes.contains(s.inode());
        } else {
            keep = s -> s.localPort() == port;
            owners = all.stream().anyMatch(keep) ? processes.socketOwners() : Map.of();
        }
        return LocalReport.byPid(all.stream().filter(keep).toList(), owners);
    }
}
