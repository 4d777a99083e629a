package dev.portqry.cli;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.SafeText;
import dev.portqry.core.spi.PortClaim;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PortQry's interactive mode ({@code -i}): a {@code >} prompt reading {@code node}, {@code query},
 * {@code set}, {@code help} and {@code exit}, with PortQry's query shortcuts. A bad command prints
 * one error line and the session goes on. The session's exit code is the last query's.
 */
final class InteractiveShell {
    private final BufferedReader in;
    private final Output out;
    private final QueryRunner runner;
    private final QueryPlan start;
    private String node;
    private int port;
    private List<Protocol> protocols;
    private int sourcePort;
    private String community;
    private boolean noReverse;
    private boolean slowLink;

    /**
     * @param in the commands, one per line
     * @param out where prompts and results go
     * @param runner runs each query
     * @param start the values from the command line ({@code -n}, {@code -e}, {@code -p}, ...)
     */
    InteractiveShell(BufferedReader in, Output out, QueryRunner runner, QueryPlan start) {
        this.in = in;
        this.out = out;
        this.runner = runner;
        this.start = start;
        this.node = start.targets().get(0);
        this.port = start.ports().get(0).port();
        this.protocols = start.ports().stream().map(PortClaim::protocol).distinct().toList();
        this.sourcePort = start.options().sourcePort();
        this.community = start.settings().get(ArgumentParser.COMMUNITY_SETTING);
        this.noReverse = !start.options().reverseLookup();
        this.slowLink = start.options().slowLink();
    }

    /**
     * Reads commands until {@code exit} or the end of input.
     *
     * @return the exit code of the last query, 0 when none ran
     * @throws IOException when reading the commands fails
     */
    int run() throws IOException {
        out.line("Portqry Interactive Mode");
        out.line("");
        out.line("Type 'help' for a list of commands");
        out.line("");
        out.line("Default Node: " + SafeText.escape(node));
        out.line("");
        showValues();
        int code = ExitCodes.LISTENING;
        while (true) {
            out.prompt("> ");
            String line = in.readLine();
            if (line == null) {
                out.line("");
                return code;
            }
            String cmd = line.trim();
            if (cmd.isEmpty()) {
                continue;
            }
            String[] w = cmd.split("\\s+", 2);
            String verb = w[0].toLowerCase(Locale.ROOT);
            String arg = w.length > 1 ? w[1].trim() : "";
            try {
                switch (verb) {
                    case "exit", "quit" -> {
                        return code;
                    }
                    case "help", "?" -> help();
                    case "node", "n" -> node(arg);
                    case "query", "q" -> code = query(arg);
                    case "set" -> set(arg);
                    default -> out.error("Unknown command '" + w[0] + "'; type help for the commands");
                }
            } catch (CliException e) {
                out.error(e.getMessage());
            }
        }
    }

    private void node(String arg) {
        if (arg.isEmpty()) {
            throw CliException.usage("node needs a name or IP address, e.g. node myserver");
        }
        if (!TargetList.plausible(arg)) {
            throw CliException.usage("node must be a host name or IP address, was " + TargetList.quote(arg));
        }
        node = arg;
        out.line("Default Node: " + SafeText.escape(node));
        out.line("");
    }

    private int query(String arg) {
        List<PortClaim> ports;
        if (arg.isEmpty()) {
            ports = PortLists.claims(List.of(port), protocols);
        } else {
            ports = PredefinedServices.shortcut(arg).orElseThrow(() -> CliException.usage("Unknown shortcut '" + arg
                    + "'; shortcuts: " + String.join(" ", PredefinedServices.shortcuts().stream().map(PredefinedService::key).toList())))
                    .ports();
        }
        ProbeOptions options = start.options().toBuilder().sourcePort(sourcePort).reverseLookup(!noReverse).slowLink(slowLink).build();
        Map<String, String> settings = new LinkedHashMap<>(start.settings());
        if (community != null) {
            settings.put(ArgumentParser.COMMUNITY_SETTING, community);
        }
        int parallel = sourcePort != 0 ? 1 : start.parallel();
        return runner.runInteractive(new QueryPlan(List.of(node), ports, false, options, settings, false, false, parallel),
                !arg.isEmpty());
    }

    private void set(String arg) {
        if (arg.equalsIgnoreCase("all")) {
            showValues();
            return;
        }
        int eq = arg.indexOf('=');
        String name = (eq < 0 ? arg : arg.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(arg.substring(eq + 1).trim());
        switch (name) {
            case "port", "e" -> port = PortLists.port("set port", need(name, value));
            case "sport", "sp" -> sourcePort = PortLists.intIn("set sport", need(name, value), 0, 65535, "source port");
            case "protocol", "p" -> protocols = PortLists.protocols("set protocol", need(name, value));
            case "cn" -> community = stripBangs(need(name, value));
            case "nr" -> {
                noReverse = flag(name, value, noReverse);
                out.line("reverse name lookup: " + (noReverse ? "off" : "on"));
                out.line("");
                return;
            }
            case "sl" -> {
                slowLink = flag(name, value, slowLink);
                out.line("slow link delay: " + (slowLink ? "on" : "off"));
                out.line("");
                return;
            }
            default -> throw CliException.usage("set: unknown option '" + name
                    + "'; options: port|e, sport|sp, protocol|p, cn, nr, sl, all");
        }
        showValues();
    }

    private static String need(String name, Optional<String> value) {
        return value.filter(v -> !v.isEmpty()).orElseThrow(() -> CliException.usage("set " + name + " needs a value: set " + name + "=<value>"));
    }

    /** {@code set nr} / {@code set sl} toggle, as PortQry's do; {@code =on} / {@code =off} set. */
    private static boolean flag(String name, Optional<String> value, boolean current) {
        if (value.isEmpty() || value.get().isEmpty()) {
            return !current;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw CliException.usage("set " + name + " must be on or off, was " + v);
        };
    }

    private static String stripBangs(String v) {
        String s = v.trim();
        if (s.length() >= 2 && s.startsWith("!") && s.endsWith("!")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw CliException.usage("set cn: community name must not be empty");
        }
        return s;
    }

    /** PortQry's table: three rows, {@code name= value}, no padding. */
    private void showValues() {
        out.line("Current option values:");
        out.line("   end port= " + port);
        out.line("   protocol= " + (protocols.size() > 1 ? "BOTH" : protocols.get(0).name()));
        out.line("   source port= " + (sourcePort == 0 ? "0 (ephemeral)" : String.valueOf(sourcePort)));
    }

    private void help() {
        List.of(
                "Commands:",
                "   node <name or IP>    set the node to query (also: n)",
                "   query [shortcut]     query the node (also: q)",
                "   set <option>=<value> set an option:",
                "        port|e=<1-65535>, sport|sp=<0-65535, 0 = ephemeral>, protocol|p=tcp|udp|both,",
                "        cn=!community!, nr (toggles reverse lookup; nr=on|off sets it), sl (toggles slow link delay)",
                "   set all              show the current option values",
                "   help                 this text",
                "   exit                 leave interactive mode",
                "",
                "Query shortcuts:").forEach(out::line);
        for (PredefinedService s : PredefinedServices.shortcuts()) {
            out.line(String.format("   %-6s %s", s.key(), s.portList()));
        }
        out.line("");
    }
}
