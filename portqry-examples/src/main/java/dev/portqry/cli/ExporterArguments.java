package dev.portqry.cli;

import dev.portqry.core.ConnectionMode;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.exporter.ExporterOptions;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code -exporter [port]}, {@code -exporteraddr} and {@code -exporterconfig}: the exporter
 * takes its targets from Prometheus and its modules from the file, so only timing options may
 * join them (as the probes' defaults).
 */
final class ExporterArguments {
    private ExporterArguments() {
    }

    static CliRequest parse(CliArguments a, List<String> argv) {
        if (a.exporter == null) {
            throw CliException.usage((a.exporterAddress != null ? "-exporteraddr" : "-exporterconfig")
                    + " is only valid with -exporter");
        }
        for (String[] other : new String[][] {{"-n", a.target}, {"-e", a.endpoint}, {"-o", a.ordered}, {"-r", a.range},
                {"-p", a.protocol}, {"-sp", a.sourcePort}, {"-cn", a.community}, {"-svc", a.service}, {"-l", a.logFile},
                {"-wport", a.watchPort}, {"-wpid", a.watchPid}, {"-wt", a.watchTime}, {"-ui", a.ui},
                {"-uiaddr", a.uiAddress}, {"-parallel", a.parallel}}) {
            if (other[1] != null) {
                throw CliException.usage(other[0] + " cannot be combined with -exporter: targets come from Prometheus, "
                        + "ports from the modules");
            }
        }
        String[] flags = {"-q", "-i", "-local", "-json", "-v", "-y", "-rpcports", "-set"};
        boolean[] set = {a.quiet, a.interactive, a.local, a.json, a.verbose, a.overwrite, a.rpcPorts, !a.settings.isEmpty()};
        for (int i = 0; i < flags.length; i++) {
            if (set[i]) {
                throw CliException.usage(flags[i] + " cannot be combined with -exporter (module settings go in -exporterconfig)");
            }
        }
        int port = a.exporter.isEmpty() ? ExporterOptions.DEFAULT_PORT
                : PortLists.intIn("-exporter", a.exporter, 0, 65535, "port");
        Optional<InetAddress> address = Optional.empty();
        if (a.exporterAddress != null) {
            address = Optional.of(literal(a.exporterAddress));
        }
        Optional<Path> config = Optional.empty();
        if (a.exporterConfig != null) {
            Path p = Path.of(a.exporterConfig);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw CliException.usage("-exporterconfig must name a readable file, was " + a.exporterConfig);
            }
            config = Optional.of(p);
        }
        QueryPlan plan = new QueryPlan(List.of(ArgumentParser.NO_TARGET), List.of(PortClaim.tcp(80)), false,
                // A scraped probe is a health check: the query rides step 1's connection, so a
                // target sees one connection per scrape, not an aborted one and a second.
                ArgumentParser.options(a).toBuilder().connectionMode(ConnectionMode.SHARED).build(), Map.of(), false, false,
                QueryPlan.DEFAULT_PARALLEL);
        return new CliRequest(CliRequest.Mode.EXPORTER, plan, false, Optional.empty(), false,
                new CliRequest.WatchSettings(0, 0, CliRequest.WatchSettings.DEFAULT_INTERVAL, false), argv,
                CliRequest.UiSettings.NONE, new CliRequest.ExporterSettings(port, address, config));
    }

    /** An IP literal to bind, IPv6 with or without brackets. */
    private static InetAddress literal(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(t);
        try {
            if (bytes != null) {
                return InetAddress.getByAddress(bytes);
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        throw CliException.usage("-exporteraddr must be an IP address such as 127.0.0.1, 0.0.0.0 or ::, was " + text);
    }
}
