package dev.portqry.cli.local;

import dev.portqry.core.Protocol;
import dev.portqry.core.SafeText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PortQry's local-mode text, laid out as KB 832919's samples: {@code TCP/UDP Port Usage},
 * {@code Port Statistics}, {@code TCP/UDP Port to Process Mappings} and, with {@code -v},
 * {@code Port and Module Information by Process}; the per-process block is also what a watch
 * prints on each change. A socket whose owner is not visible (TIME WAIT, or another user's
 * process) is listed under process 0, as PortQry lists such sockets under the System Idle process.
 */
final class LocalReport {
    /** The rule between processes. */
    static final String RULE = "======================================================";
    /** PortQry's order of state lines in {@code Port Statistics}; other states follow by name. */
    private static final List<String> STATE_ORDER = List.of("LISTENING", "ESTABLISHED", "CLOSE WAIT", "TIME WAIT");
    private static final String COLUMNS = "Port Local IP State Remote IP:Port";

    private final ProcessTable processes;

    LocalReport(ProcessTable processes) {
        this.processes = processes;
    }

    /**
     * @param sockets the sockets, in table order
     * @param owners socket inode to process id
     * @param verbose {@code -v}
     * @return the report lines
     */
    List<String> lines(List<SocketEntry> sockets, Map<Long, Long> owners, boolean verbose) {
        List<SocketEntry> sorted = sockets.stream().sorted(SocketEntry.PORTQRY_ORDER).toList();
        List<String> out = new ArrayList<>();
        out.add("TCP/UDP Port Usage");
        out.add("");
        out.add(sorted.size() + " active ports found");
        out.add("");
        out.add(COLUMNS);
        sorted.forEach(s -> out.add(s.row()));
        out.add("");
        out.addAll(statistics(sorted));
        Map<Long, List<SocketEntry>> byPid = byPid(sorted, owners);
        out.add("TCP/UDP Port to Process Mappings");
        out.add("");
        out.add(sorted.size() + " mappings found");
        out.add("");
        out.add("PID:Process " + COLUMNS);
        byPid.forEach((pid, list) -> {
            String who = pid == 0 ? "0" : pid + processes.name(pid).map(n -> ":" + SafeText.escape(n)).orElse("");
            list.forEach(s -> out.add(who + " " + s.row()));
        });
        out.add("");
        out.addAll(statistics(sorted));
        if (verbose) {
            out.add("Port and Module Information by Process");
            out.add("");
            out.add("Note: restrictions applied to some processes may");
            out.add("prevent Portqry from accessing more information");
            out.add("");
            out.add("For best results run Portqry in the context of");
            out.add("the local administrator");
            out.add("");
            byPid.forEach((pid, list) -> out.addAll(processBlock(pid, list, true)));
        }
        return out;
    }

    /**
     * @param sockets sockets
     * @param owners socket inode to process id
     * @return the sockets by owning process (0 when not visible), ascending, each TCP then UDP in PortQry's order
     */
    static Map<Long, List<SocketEntry>> byPid(List<SocketEntry> sockets, Map<Long, Long> owners) {
        Map<Long, List<SocketEntry>> byPid = new TreeMap<>();
        for (SocketEntry s : sockets) {
            byPid.computeIfAbsent(owners.getOrDefault(s.inode(), 0L), k -> new ArrayList<>()).add(s);
        }
        byPid.values().forEach(l -> l.sort(Comparator.comparing(SocketEntry::protocol)));
        return byPid;
    }

    /**
     * One process's block: the rule, {@code Process ID: N (name)}, its service, its rows, its
     * statistics and, when verbose, its loaded modules with base addresses.
     *
     * @param pid the process (0: owner not visible)
     * @param sockets its sockets
     * @param verbose whether to list its modules
     * @return the lines, ending with a blank line
     */
    List<String> processBlock(long pid, List<SocketEntry> sockets, boolean verbose) {
        List<String> out = new ArrayList<>();
        out.add(RULE);
        out.add("");
        out.add("Process ID: " + pid + " (" + (pid == 0 ? "owner not visible" : processes.name(pid).map(SafeText::escape)
                .orElse("exited")) + ")");
        out.add("");
        if (pid != 0) {
            Optional<String> service = processes.serviceName(pid);
            out.add(service.map(s -> "Service Name: " + SafeText.escape(s)).orElse("Process doesn't appear to be a service"));
            out.add("");
        }
        if (!sockets.isEmpty()) {
            out.add("PID " + COLUMNS);
            sockets.forEach(s -> out.add(pid + " " + s.row()));
            out.add("");
        }
        out.addAll(statistics(sockets));
        if (verbose) {
            Optional<List<ProcessTable.Module>> modules = pid == 0 ? Optional.empty() : processes.modules(pid);
            if (modules.isEmpty()) {
                out.add("Could not access module information for this process");
            } else {
                out.add("Loaded modules:");
                modules.get().forEach(m -> out.add(SafeText.escape(m.toString())));
            }
            out.add("");
        }
        return out;
    }

    /**
     * @param sockets sockets
     * @return {@code Port Statistics}: the TCP and UDP counts and the share of each TCP state,
     *         each group followed by a blank line
     */
    static List<String> statistics(List<SocketEntry> sockets) {
        List<String> out = new ArrayList<>();
        long tcp = sockets.stream().filter(s -> s.protocol() == Protocol.TCP).count();
        out.add("Port Statistics");
        out.add("");
        out.add("TCP mappings: " + tcp);
        out.add("UDP mappings: " + (sockets.size() - tcp));
        out.add("");
        Map<String, Integer> states = new LinkedHashMap<>();
        STATE_ORDER.forEach(s -> states.put(s, 0));
        sockets.stream().filter(s -> s.protocol() == Protocol.TCP).map(SocketEntry::state).sorted()
                .forEach(s -> states.merge(s, 1, Integer::sum));
        states.forEach((state, n) -> {
            if (n > 0) {
                out.add(String.format(Locale.ROOT, "TCP ports in a %s state: %d = %.2f%%", state, n, 100.0 * n / tcp));
            }
        });
        if (tcp > 0) {
            out.add("");
        }
        return out;
    }
}
