package dev.portqry.cli.local;

import dev.portqry.core.Protocol;
import dev.portqry.core.ServiceNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * PortQry's {@code -local} report: {@code TCP/UDP Port Usage}, {@code Port Statistics},
 * {@code TCP/UDP Port to Process Mappings} and, with {@code -v}, {@code Port and Module
 * Information by Process}.
 */
final class LocalReport {
    private final ProcessTable processes;
    private final ServiceNames services;

    LocalReport(ProcessTable processes, ServiceNames services) {
        this.processes = processes;
        this.services = services;
    }

    /**
     * @param sockets the sockets, in table order
     * @param owners socket inode to process id
     * @param verbose {@code -v}
     * @return the report lines
     */
    List<String> lines(List<SocketEntry> sockets, Map<Long, Long> owners, boolean verbose) {
        List<String> out = new ArrayList<>();
        out.add("TCP/UDP Port Usage");
        out.add("");
        out.add(sockets.size() + " active ports found");
        out.add("");
        out.add("Port Local IP State Remote IP:Port PID:Process");
        for (SocketEntry s : sockets) {
            out.add(s.row() + " " + owner(s, owners));
        }
        out.add("");
        statistics(sockets, out);
        Map<Long, List<SocketEntry>> byPid = new TreeMap<>();
        for (SocketEntry s : sockets) {
            Long pid = owners.get(s.inode());
            if (pid != null) {
                byPid.computeIfAbsent(pid, k -> new ArrayList<>()).add(s);
            }
        }
        out.add("TCP/UDP Port to Process Mappings");
        out.add("");
        out.add("PID:Process");
        for (Map.Entry<Long, List<SocketEntry>> e : byPid.entrySet()) {
            out.add("");
            out.add(e.getKey() + ":" + processes.name(e.getKey()).orElse("(exited)"));
            for (SocketEntry s : e.getValue()) {
                out.add("  " + s.row());
            }
        }
        out.add("");
        if (verbose) {
            modules(byPid, out);
        }
        return out;
    }

    private String owner(SocketEntry s, Map<Long, Long> owners) {
        Long pid = owners.get(s.inode());
        return pid == null ? "-" : pid + ":" + processes.name(pid).orElse("(exited)");
    }

    private static void statistics(List<SocketEntry> sockets, List<String> out) {
        long tcp = sockets.stream().filter(s -> s.protocol() == Protocol.TCP).count();
        out.add("Port Statistics");
        out.add("");
        out.add("TCP mappings: " + tcp);
        out.add("UDP mappings: " + (sockets.size() - tcp));
        out.add("");
        Map<String, Integer> states = new LinkedHashMap<>();
        for (SocketEntry s : sockets) {
            if (s.protocol() == Protocol.TCP) {
                states.merge(s.state(), 1, Integer::sum);
            }
        }
        states.forEach((state, n) -> out.add(String.format(Locale.ROOT, "TCP ports in a %s state: %d = %.2f%%",
                state, n, 100.0 * n / tcp)));
        out.add("");
    }

    private void modules(Map<Long, List<SocketEntry>> byPid, List<String> out) {
        out.add("Port and Module Information by Process");
        out.add("");
        for (Map.Entry<Long, List<SocketEntry>> e : byPid.entrySet()) {
            long pid = e.getKey();
            out.add("========================================================");
            out.add("Process ID: " + pid + " (" + processes.name(pid).orElse("(exited)") + ")");
            out.add("Command line: " + processes.commandLine(pid).orElse("(none)"));
            out.add("");
            out.add("Port Local IP State Remote IP:Port Service");
            for (SocketEntry s : e.getValue()) {
                out.add(s.row() + " " + services.name(s.protocol(), s.localPort()).orElse("unknown"));
            }
            out.add("");
            out.add("Modules loaded:");
            for (String f : processes.mappedFiles(pid)) {
                out.add("  " + f);
            }
            out.add("");
        }
    }
}
