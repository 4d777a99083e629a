package dev.portqry.cli;

import dev.portqry.core.ProbeOptions;
import java.util.ArrayList;
import java.util.List;

/** The {@code -?} text: PortQry's syntax, this tool's additions, every default and the exit codes. */
final class HelpText {
    private HelpText() {
    }

    /** @return the help, one string per line */
    static List<String> lines() {
        List<String> l = new ArrayList<>(List.of(
                "Usage:",
                "portqry -n name [-p protocol] [-e || -r || -o endpoint(s)] [-q] [-l logfile [-y]] [-sp source port]",
                "        [-sl] [-nr] [-cn !community name!] [-json] [-svc service] [timing options]",
                "portqry -i [-n name] [...]                       interactive mode",
                "portqry -local | -wport port | -wpid pid [-wt seconds] [-l logfile [-y]] [-v]   local mode",
                "portqry -ui [port] [-uiaddr address] [timing options]   web UI in a browser",
                "portqry -exporter [port] [-exporteraddr address] [-exporterconfig file] [timing options]   Prometheus exporter",
                "",
                "Options are single-dash words in any case (-NR = -nr).",
                "",
                "  -n name        target: name, IPv4 or IPv6 address; several as a,b,c; @file reads one per line",
                "  -p protocol    tcp, udp or both (default: tcp)",
                "  -e port        one port, 1-65535 (default: 80)",
                "  -r start:end   a range of ports, start below end (skips the RPC endpoint-mapper dump)",
                "  -o p1,p2,...   ports in this order",
                "  -q             print nothing but errors; only with -e, not with -p both; use the exit code",
                "  -l logfile     copy the output to a PortQry log file",
                "  -y             overwrite an existing log file without asking (asked only on a terminal;",
                "                 without a terminal an existing log file is an error unless -y or -q)",
                "  -sp port       source port, 1-65535 (default: ephemeral); RPC 135, UDP LDAP 389 and NetBIOS 137",
                "                 queries still use an ephemeral port; ports are then probed one at a time",
                "  -sl            slow link: double the UDP waits (default: off)",
                "  -nr            do not resolve an IP target back to a name (default: resolve)",
                "  -cn !name!     SNMP community, may contain spaces between the bangs (default: public)",
                "  -i             interactive mode (type help at the > prompt)",
                "",
                "Local mode (Linux, from /proc):",
                "  -local         list this computer's TCP/UDP ports, their statistics and their processes",
                "  -wport port    watch one port (TCP and UDP) for changes until Esc or Ctrl+C",
                "  -wpid pid      watch one process's ports for changes until Esc or Ctrl+C",
                "  -wt seconds    how often to check for changes, 1-" + CliRequest.WatchSettings.MAX_SECONDS
                        + " (default: " + CliRequest.WatchSettings.DEFAULT_INTERVAL.toSeconds() + ")",
                "  -v             add each process's block: service, statistics, loaded modules with base addresses",
                "",
                "Beyond PortQry:",
                "  -json          one JSON object per result (fields in CLI.md) instead of PortQry's text",
                "  -svc service   query a PortQryUI predefined service (instead of -e/-o/-r and -p):"));
        for (PredefinedService s : PredefinedServices.services()) {
            l.add("                   \"" + s.name() + "\" (" + s.key() + "): " + s.portList());
        }
        l.addAll(List.of(
                "  -rpcports      after an RPC endpoint-mapper dump (TCP 135), probe every dynamic TCP port it",
                "                 lists and print each one's state (the firewall check behind 'the RPC server",
                "                 is unavailable'); their states count towards the exit code",
                "  -set name=value  set any responder setting by name (e.g. -set snmp.community=public)",
                "  -ui [port]     serve PortQryUI as a web page on 127.0.0.1 and print its address (default port "
                        + dev.portqry.ui.UiOptions.DEFAULT_PORT + "; 0: any free port); Ctrl+C stops",
                "  -uiaddr ip     with -ui: listen on this address instead (e.g. 0.0.0.0); other computers can then use it",
                "  -exporter [port]  serve a Prometheus exporter (/probe?target=HOST&module=NAME) on 127.0.0.1 (default port "
                        + dev.portqry.exporter.ExporterOptions.DEFAULT_PORT + "); Ctrl+C stops",
                "  -exporteraddr ip  with -exporter: listen on this address instead; -exporterconfig file: its modules (YAML)",
                "  -ipv4 | -ipv6  probe the name's first IPv4 or IPv6 address (default: the resolver's first address)",
                "  -parallel n    probes in flight at once, 1-4096 (default: half the free file descriptors,",
                "                 at most 4096); output keeps port order",
                "  -tcpwait ms    wait per TCP connect attempt (default: " + ProbeOptions.DEFAULT_TCP_CONNECT_TIMEOUT.toMillis() + ")",
                "  -tcptries n    TCP connect attempts before FILTERED, 1-10 (default: " + ProbeOptions.DEFAULT_TCP_ATTEMPTS + ")",
                "  -udpwait ms    wait for a UDP reply per attempt, doubled by -sl (default: "
                        + ProbeOptions.DEFAULT_UDP_TIMEOUT.toMillis() + ")",
                "  -udptries n    UDP attempts, 1-10 (default: " + ProbeOptions.DEFAULT_UDP_ATTEMPTS + ")",
                "  -querywait ms  deadline of a whole TCP protocol query (default: "
                        + ProbeOptions.DEFAULT_RESPONDER_TIMEOUT.toMillis() + ")",
                "  -udppacing s   seconds (0-7200) a UDP scan may spend re-probing silent ports of a host that",
                "                 rate-limits ICMP (about 1 closed port a second), 0 = off: fast, but most",
                "                 closed ports then show LISTENING or FILTERED (default: "
                        + ProbeOptions.DEFAULT_UDP_PACING_BUDGET.toSeconds() + "); never on loopback",
                "  -h | -? | -help  this text",
                "",
                "Exit codes:"));
        l.addAll(l.size() - 2, dev.portqry.cli.domain.DomainCommand.helpLines());
        l.addAll(ExitCodes.table());
        l.addAll(List.of("",
                "Examples:",
                "  portqry -n myserver -p udp -e 389",
                "  portqry -n 10.0.0.1 -r 21:445 -nr",
                "  portqry -n dc1,dc2 -svc \"Domains and Trusts\" -json",
                "  portqry -n myserver -e 161 -p udp -cn !my community!"));
        return l;
    }
}
