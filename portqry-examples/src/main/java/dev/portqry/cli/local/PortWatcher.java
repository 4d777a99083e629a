package dev.portqry.cli.local;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code -wport} and {@code -wpid}: polls the socket tables every second and prints each socket
 * that appears, goes away or changes state, until the time is up or a stop is requested (Ctrl+C).
 */
final class PortWatcher {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Poll period: PortQry polls once a second. */
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final ProcNet net;
    private final ProcessTable processes;
    private final Consumer<String> out;
    private final BooleanSupplier stop;

    PortWatcher(ProcNet net, ProcessTable processes, Consumer<String> out, BooleanSupplier stop) {
        this.net = net;
        this.processes = processes;
        this.out = out;
        this.stop = stop;
    }

    /**
     * @param what what is watched, for the header, e.g. {@code port 8080}
     * @param pid the process watched, or 0 to watch a port
     * @param port the port watched, or 0 to watch a process
     * @param duration how long
     * @throws IOException when the tables cannot be read
     */
    void watch(String what, long pid, int port, Duration duration) throws IOException {
        out.accept("Watching " + what + " for " + duration.toSeconds() + " seconds (Ctrl+C stops)");
        out.accept("");
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Map<String, String> last = snapshot(pid, port);
        if (last.isEmpty()) {
            out.accept(now() + " no sockets");
        }
        last.values().forEach(row -> out.accept(now() + " " + row));
        while (!stop.getAsBoolean() && System.nanoTime() < end) {
            if (!pause(end)) {
                break;
            }
            Map<String, String> cur = snapshot(pid, port);
            for (Map.Entry<String, String> e : cur.entrySet()) {
                String before = last.get(e.getKey());
                if (before == null) {
                    out.accept(now() + " added:   " + e.getValue());
                } else if (!before.equals(e.getValue())) {
                    out.accept(now() + " changed: " + e.getValue() + " (was " + before + ")");
                }
            }
            for (Map.Entry<String, String> e : last.entrySet()) {
                if (!cur.containsKey(e.getKey())) {
                    out.accept(now() + " removed: " + e.getValue());
                }
            }
            last = cur;
        }
        long secs = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        out.accept("");
        out.accept((stop.getAsBoolean() ? "Stopped" : "Finished") + " watching " + what + " after " + secs + " seconds");
    }

    private boolean pause(long end) {
        long until = Math.min(end, System.nanoTime() + PERIOD.toNanos());
        while (System.nanoTime() < until) {
            if (stop.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private Map<String, String> snapshot(long pid, int port) throws IOException {
        List<SocketEntry> all = net.sockets();
        Map<Long, Long> owners;
        Predicate<SocketEntry> keep;
        if (pid != 0) {
            Set<Long> inodes = processes.socketInodes(pid);
            owners = new LinkedHashMap<>();
            inodes.forEach(i -> owners.put(i, pid));
            keep = s -> inodes.contains(s.inode());
        } else {
            keep = s -> s.localPort() == port || s.remotePort() == port;
            owners = all.stream().anyMatch(keep) ? processes.socketOwners() : Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (SocketEntry s : all) {
            if (keep.test(s)) {
                Long owner = owners.get(s.inode());
                out.put(s.key(), s.row() + " " + (owner == null ? "-" : owner + ":" + processes.name(owner).orElse("(exited)")));
            }
        }
        return out;
    }

    private static String now() {
        return LocalTime.now().format(TIME);
    }
}
