package dev.portqry.cli;

import dev.portqry.core.ConnectionMode;
import dev.portqry.core.IpPreference;
import dev.portqry.core.UdpPacing;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.PortClaim;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns PortQry's command line into a checked {@link CliRequest}: picocli matches the options
 * (single-dash words, any case, no clustering, {@code -cn !a b!} across arguments), then this
 * class applies PortQry's rules and names the argument in every error.
 */
public final class ArgumentParser {
    /** Where {@code -n} is absent in interactive mode. */
    static final String NO_TARGET = "127.0.0.1";
    /** The setting {@code -cn} fills. */
    public static final String COMMUNITY_SETTING = "snmp.community";

    private ArgumentParser() {
    }

    /**
     * @param argv the arguments after the program name, not null
     * @return the checked request
     * @throws CliException with {@link ExitCodes#USAGE} naming the bad argument
     */
    public static CliRequest parse(List<String> argv) {
        CliArguments a = bind(argv);
        if (a.help) {
            return request(CliRequest.Mode.HELP, defaultPlan(), false, a, argv);
        }
        if (a.exporter != null || a.exporterAddress != null || a.exporterConfig != null) {
            return ExporterArguments.parse(a, argv);
        }
        if (a.ui != null) {
            return ui(a, argv);
        }
        if (a.uiAddress != null) {
            throw CliException.usage("-uiaddr is only valid with -ui");
        }
        boolean localMode = a.local || a.watchPort != null || a.watchPid != null;
        if (count(a.local, a.watchPort != null, a.watchPid != null) > 1) {
            throw CliException.usage("-local, -wport and -wpid exclude each other");
        }
        if (a.watchTime != null && a.watchPort == null && a.watchPid == null) {
            throw CliException.usage("-wt is only valid with -wport or -wpid");
        }
        if (a.verbose && !localMode) {
            throw CliException.usage("-v is only valid with -local, -wport or -wpid");
        }
        if (localMode) {
            return local(a, argv);
        }
        if (a.target == null && !a.interactive) {
            throw CliException.usage("-n <name> is required (or -i for interactive mode, -local for local mode)");
        }
        if (count(a.endpoint != null, a.ordered != null, a.range != null, a.service != null) > 1) {
            throw CliException.usage("-e, -o, -r and -svc exclude each other");
        }
        if (a.service != null && a.protocol != null) {
            throw CliException.usage("-p cannot be combined with -svc: the service names its protocols");
        }
        if (a.quiet) {
            if (a.endpoint == null) {
                throw CliException.usage("-q is only valid with -e (not with -o, -r, -svc or the default port)");
            }
            if (a.protocol != null && a.protocol.trim().equalsIgnoreCase("both")) {
                throw CliException.usage("-q cannot be combined with -p both");
            }
            if (a.json || a.interactive) {
                throw CliException.usage("-q cannot be combined with " + (a.json ? "-json" : "-i"));
            }
        }
        if (a.interactive && a.json) {
            throw CliException.usage("-json cannot be combined with -i");
        }
        if (a.ipv4 && a.ipv6) {
            throw CliException.usage("-ipv4 and -ipv6 exclude each other");
        }
        QueryPlan plan = plan(a);
        return request(a.interactive ? CliRequest.Mode.INTERACTIVE : CliRequest.Mode.QUERY, plan, a.target != null, a, argv);
    }

    private static CliArguments bind(List<String> argv) {
        CliArguments a = new CliArguments();
        CommandLine cl = new CommandLine(a)
                .setOptionsCaseInsensitive(true)
                .setPosixClusteredShortOptionsAllowed(false)
                .setExpandAtFiles(false)
                .setAbbreviatedOptionsAllowed(false)
                .setUnmatchedOptionsArePositionalParams(false);
        try {
            cl.parseArgs(argv.toArray(String[]::new));
        } catch (ParameterException e) {
            throw CliException.usage(firstLine(e.getMessage()));
        }
        return a;
    }

    private static CliRequest local(CliArguments a, List<String> argv) {
        for (String[] other : new String[][] {{"-n", a.target}, {"-e", a.endpoint}, {"-o", a.ordered}, {"-r", a.range},
                {"-p", a.protocol}, {"-sp", a.sourcePort}, {"-cn", a.community}, {"-svc", a.service}}) {
            if (other[1] != null) {
                throw CliException.usage(other[0] + " cannot be combined with local mode (-local, -wport, -wpid)");
            }
        }
        if (a.interactive || a.quiet || a.json) {
            throw CliException.usage((a.interactive ? "-i" : a.quiet ? "-q" : "-json")
                    + " cannot be combined with local mode (-local, -wport, -wpid)");
        }
        int port = a.watchPort == null ? 0 : PortLists.port("-wport", a.watchPort);
        long pid = a.watchPid == null ? 0 : PortLists.intIn("-wpid", a.watchPid, 1, Integer.MAX_VALUE, "process id");
        Duration d = a.watchTime == null ? CliRequest.WatchSettings.DEFAULT_INTERVAL
                : Duration.ofSeconds(PortLists.intIn("-wt", a.watchTime, 1, CliRequest.WatchSettings.MAX_SECONDS, "seconds"));
        CliRequest.Mode mode = a.local ? CliRequest.Mode.LOCAL : port != 0 ? CliRequest.Mode.WATCH_PORT : CliRequest.Mode.WATCH_PID;
        return new CliRequest(mode, defaultPlan(), false, Optional.ofNullable(a.logFile).map(Path::of), a.overwrite,
                new CliRequest.WatchSettings(port, pid, d, a.verbose), argv);
    }

    private static CliRequest ui(CliArguments a, List<String> argv) {
        // The page has its own fields for these; only timing options set the UI's defaults.
        for (String[] other : new String[][] {{"-n", a.target}, {"-e", a.endpoint}, {"-o", a.ordered}, {"-r", a.range},
                {"-p", a.protocol}, {"-sp", a.sourcePort}, {"-cn", a.community}, {"-svc", a.service}, {"-l", a.logFile},
                {"-wport", a.watchPort}, {"-wpid", a.watchPid}, {"-wt", a.watchTime}}) {
            if (other[1] != null) {
                throw CliException.usage(other[0] + " cannot be combined with -ui: the page has its own fields");
            }
        }
        String[] flags = {"-q", "-i", "-local", "-json", "-sl", "-nr", "-v", "-y", "-ipv4", "-ipv6", "-set"};
        boolean[] set = {a.quiet, a.interactive, a.local, a.json, a.slowLink, a.noReverse, a.verbose, a.overwrite, a.ipv4,
                a.ipv6, !a.settings.isEmpty()};
        for (int i = 0; i < flags.length; i++) {
            if (set[i]) {
                throw CliException.usage(flags[i] + " cannot be combined with -ui: the page has its own fields");
            }
        }
        int port = a.ui.isEmpty() ? dev.portqry.ui.UiOptions.DEFAULT_PORT : PortLists.intIn("-ui", a.ui, 0, 65535, "port");
        Optional<InetAddress> address = Optional.empty();
        if (a.uiAddress != null) {
            String t = a.uiAddress.trim();
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(
                    t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t);
            if (bytes == null) {
                throw CliException.usage("-uiaddr must be an IP address such as 127.0.0.1, 0.0.0.0 or ::, was " + a.uiAddress);
            }
            try {
                address = Optional.of(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                throw CliException.usage("-uiaddr must be an IP address, was " + a.uiAddress);
            }
        }
        int parallel = a.parallel == null ? QueryPlan.DEFAULT_PARALLEL : PortLists.intIn("-parallel", a.parallel, 1, 1024, "probes");
        QueryPlan plan = new QueryPlan(List.of(NO_TARGET), List.of(PortClaim.tcp(80)), false, options(a), Map.of(), false, false,
                parallel);
        return new CliRequest(CliRequest.Mode.UI, plan, false, Optional.empty(), false,
                new CliRequest.WatchSettings(0, 0, CliRequest.WatchSettings.DEFAULT_INTERVAL, false), argv,
                new CliRequest.UiSettings(port, address));
    }

    private static QueryPlan plan(CliArguments a) {
        List<String> targets = a.target == null ? List.of(NO_TARGET) : targets(a.target);
        List<Protocol> protocols = a.protocol == null ? List.of(Protocol.TCP) : PortLists.protocols("-p", a.protocol);
        List<PortClaim> ports;
        if (a.service != null) {
            ports = PredefinedServices.service(a.service).orElseThrow(() -> CliException.usage("-svc must be one of "
                    + PredefinedServices.services().stream().map(s -> "'" + s.name() + "'").toList() + ", was '" + a.service + "'"))
                    .ports();
        } else if (a.ordered != null) {
            ports = PortLists.claims(PortLists.list("-o", a.ordered), protocols);
        } else if (a.range != null) {
            ports = PortLists.claims(PortLists.range("-r", a.range), protocols);
        } else {
            ports = PortLists.claims(List.of(a.endpoint == null ? 80 : PortLists.port("-e", a.endpoint)), protocols);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (a.community != null) {
            if (a.community.isEmpty()) {
                throw CliException.usage("-cn community name must not be empty");
            }
            settings.put(COMMUNITY_SETTING, a.community);
        }
        for (String s : a.settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage("-set must be name=value, e.g. -set snmp.community=public, was " + s);
            }
            settings.put(s.substring(0, eq).trim(), s.substring(eq + 1));
        }
        int parallel = a.parallel == null ? QueryPlan.DEFAULT_PARALLEL : PortLists.intIn("-parallel", a.parallel, 1, 4096, "probes");
        if (a.sourcePort != null) {
            // One fixed source port cannot serve two probes at once.
            parallel = 1;
        }
        return new QueryPlan(targets, ports, a.range != null, options(a), settings, a.quiet, a.json, parallel, a.rpcPorts);
    }

    static ProbeOptions options(CliArguments a) {
        // PortQry's two steps: the port check's connection, then the query's own.
        ProbeOptions.Builder b = ProbeOptions.builder().slowLink(a.slowLink).reverseLookup(!a.noReverse)
                .connectionMode(ConnectionMode.SEPARATE);
        if (a.ipv4 || a.ipv6) {
            b.ipPreference(a.ipv4 ? IpPreference.IPV4_ONLY : IpPreference.IPV6_ONLY);
        }
        set(a.sourcePort, "-sp", 1, 65535, "source port", b::sourcePort);
        set(a.tcpWait, "-tcpwait", 1, 600_000, "milliseconds", v -> b.tcpConnectTimeout(Duration.ofMillis(v)));
        set(a.tcpTries, "-tcptries", 1, 10, "attempts", b::tcpAttempts);
        set(a.udpWait, "-udpwait", 1, 600_000, "milliseconds", v -> b.udpTimeout(Duration.ofMillis(v)));
        set(a.udpTries, "-udptries", 1, 10, "attempts", b::udpAttempts);
        set(a.queryWait, "-querywait", 1, 600_000, "milliseconds", v -> b.responderTimeout(Duration.ofMillis(v)));
        set(a.udpPacing, "-udppacing", 0, 7200, "seconds", v -> {
            if (v == 0) {
                b.udpPacing(UdpPacing.OFF);
            } else {
                b.udpPacing(UdpPacing.ADAPTIVE).udpPacingBudget(Duration.ofSeconds(v));
            }
        });
        return b.build();
    }

    private static void set(String text, String option, int min, int max, String what, Consumer<Integer> setter) {
        if (text != null) {
            setter.accept(PortLists.intIn(option, text, min, max, what));
        }
    }

    /**
     * @param text {@code -n}'s value: names separated by commas; {@code @file} reads one target per line ({@code #} comments)
     * @return the targets in order (see {@link TargetList} for the caps and checks)
     */
    static List<String> targets(String text) {
        return TargetList.parse(text);
    }

    private static QueryPlan defaultPlan() {
        return new QueryPlan(List.of(NO_TARGET), List.of(PortClaim.tcp(80)), false, ProbeOptions.defaults(), Map.of(),
                false, false, QueryPlan.DEFAULT_PARALLEL);
    }

    private static CliRequest request(CliRequest.Mode mode, QueryPlan plan, boolean targetGiven, CliArguments a, List<String> argv) {
        return new CliRequest(mode, plan, targetGiven, Optional.ofNullable(a.logFile).map(Path::of), a.overwrite || a.quiet,
                new CliRequest.WatchSettings(0, 0, CliRequest.WatchSettings.DEFAULT_INTERVAL, false), argv);
    }

    private static int count(boolean... flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "bad command line";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }
}
