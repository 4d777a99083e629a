package dev.portqry.cli.domain;

import dev.portqry.core.SafeText;
import dev.portqry.protocols.ad.CellState;
import dev.portqry.protocols.ad.CheckColumn;
import dev.portqry.protocols.ad.DcRole;
import dev.portqry.protocols.ad.DomainCell;
import dev.portqry.protocols.ad.DomainController;
import dev.portqry.protocols.ad.DomainControllers;
import dev.portqry.protocols.ad.DomainMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The domain matrix as terminal text: the controllers found, then the matrix (rows DCs, columns
 * checks, a short state per cell) split into blocks that fit the width, then one line per cell that
 * has a value or a reason. Every wire string is escaped; colour only when asked for (a terminal).
 */
final class DomainTable {
    /** The width the table fits when the terminal's is unknown. */
    static final int DEFAULT_WIDTH = 120;
    private static final int GAP = 1;

    private final int width;
    private final boolean colour;

    /**
     * @param width the terminal's width, at least 60
     * @param colour whether to colour states (only for a terminal)
     */
    DomainTable(int width, boolean colour) {
        this.width = Math.max(60, width);
        this.colour = colour;
    }

    /** @return the discovery lines: which server, which records, which DCs and addresses */
    static List<String> discovery(DomainControllers d) {
        List<String> out = new ArrayList<>();
        out.add("Domain " + esc(d.domain()) + d.site().map(s -> " (site " + esc(s) + ")").orElse("") + ": "
                + d.controllers().size() + " domain controller" + (d.controllers().size() == 1 ? "" : "s")
                + " from DNS server " + d.dnsServer().getAddress().getHostAddress() + " port " + d.dnsServer().getPort());
        d.queries().forEach(q -> out.add("  SRV " + esc(q.name()) + ": " + (q.records().isEmpty() ? esc(q.detail())
                : q.records().stream().map(r -> esc(r.target()) + ":" + r.port()).collect(Collectors.joining(", ")))));
        for (DomainController dc : d.controllers()) {
            out.add("  " + esc(dc.hostName()) + "  " + (dc.addresses().isEmpty() ? esc(dc.addressProblem())
                    : dc.addresses().stream().map(a -> io.netty.util.NetUtil.toAddressString(a)).collect(Collectors.joining(" ")))
                    + "  (" + roles(dc.roles()) + ")");
        }
        return out;
    }

    /**
     * @param m the matrix
     * @return the whole report
     */
    List<String> lines(DomainMatrix m) {
        List<String> out = new ArrayList<>(discovery(m.discovery()));
        if (m.rows().isEmpty()) {
            return out;
        }
        int nameWidth = Math.min(40, Math.max(2, m.rows().stream().mapToInt(r -> esc(r.controller().hostName()).length()).max().orElse(2)));
        List<List<CheckColumn>> blocks = blocks(m.columns(), nameWidth);
        for (List<CheckColumn> block : blocks) {
            out.add("");
            StringBuilder head = new StringBuilder(pad("DC", nameWidth));
            block.forEach(c -> head.append(" ".repeat(GAP)).append(pad(c.label(), cellWidth(c))));
            out.add(head.toString().stripTrailing());
            for (DomainMatrix.Row r : m.rows()) {
                StringBuilder line = new StringBuilder(pad(cut(esc(r.controller().hostName()), nameWidth), nameWidth));
                for (CheckColumn c : block) {
                    DomainCell cell = r.cells().stream().filter(x -> x.column().equals(c)).findFirst().orElseThrow();
                    String s = cell.state().shortName();
                    line.append(" ".repeat(GAP)).append(paint(cell.state(), s)).append(" ".repeat(cellWidth(c) - s.length()));
                }
                out.add(line.toString().stripTrailing());
            }
        }
        out.add("");
        out.add("OK listening or answered, WARN answered with a warning, NOTL NOT LISTENING, FILT FILTERED,");
        out.add("L/F LISTENING or FILTERED, FAIL answered badly or not at all, ERR not run. n/t = TCP port n, n/u = UDP.");
        List<String> details = new ArrayList<>();
        for (DomainMatrix.Row r : m.rows()) {
            for (DomainCell cell : r.cells()) {
                boolean derived = cell.column().protocol().isEmpty();
                if (cell.state().needsReason() || (derived && !cell.value().isEmpty())) {
                    String text = cell.state().needsReason()
                            ? (cell.value().isEmpty() ? "" : esc(cell.value()) + "; ") + esc(cell.reason())
                            : esc(cell.value());
                    String head = "  " + esc(r.controller().hostName()) + " " + cell.column().label() + ": ";
                    details.addAll(wrap(head + cell.state().displayName() + (text.isEmpty() ? "" : " - " + text), head.length(),
                            cell.state().displayName(), paint(cell.state(), cell.state().displayName())));
                }
            }
        }
        if (!details.isEmpty()) {
            out.add("");
            out.add("Details:");
            out.addAll(details);
        }
        out.add("");
        out.add("Checked " + m.rows().size() + " domain controller" + (m.rows().size() == 1 ? "" : "s") + " in "
                + m.elapsed().toMillis() + " ms; exit code " + m.exitCode());
        return out;
    }

    /** Wraps a details line at spaces to the width, continuation lines indented; colours the state once. */
    private List<String> wrap(String line, int stateAt, String state, String painted) {
        List<String> out = new ArrayList<>();
        String rest = line;
        String indent = "      ";
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= indent.length()) {
                cut = width;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
        }
        out.add(rest);
        String first = out.get(0);
        if (first.startsWith(state, stateAt)) {
            out.set(0, first.substring(0, stateAt) + painted + first.substring(stateAt + state.length()));
        }
        return out;
    }

    private List<List<CheckColumn>> blocks(List<CheckColumn> columns, int nameWidth) {
        List<List<CheckColumn>> out = new ArrayList<>();
        List<CheckColumn> cur = new ArrayList<>();
        int used = nameWidth;
        for (CheckColumn c : columns) {
            int w = GAP + cellWidth(c);
            boolean newGroup = !cur.isEmpty() && cur.get(cur.size() - 1).protocol().isPresent() && c.protocol().isEmpty();
            if (!cur.isEmpty() && (used + w > width || newGroup)) {
                out.add(cur);
                cur = new ArrayList<>();
                used = nameWidth;
            }
            cur.add(c);
            used += w;
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    private static int cellWidth(CheckColumn c) {
        return Math.max(4, c.label().length());
    }

    private String paint(CellState s, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (s) {
            case LISTENING, ANSWERED -> "32";
            case WARNING -> "33";
            default -> "31";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String cut(String s, int w) {
        return s.length() <= w ? s : s.substring(0, w - 1) + "~";
    }

    private static String esc(String s) {
        return SafeText.escape(s);
    }

    /** @return roles as the discovery lines print them */
    static String roles(java.util.Set<DcRole> roles) {
        return roles.stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
