package dev.portqry.cli.domain;

import dev.portqry.cli.CliException;
import dev.portqry.cli.ExitCodes;
import dev.portqry.cli.JsonWriter;
import dev.portqry.core.PortProbe;
import dev.portqry.core.SafeText;
import dev.portqry.protocols.ad.DomainControllerLocator;
import dev.portqry.protocols.ad.DomainControllers;
import dev.portqry.protocols.ad.DomainMatrix;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code portqry -domain NAME}: finds the domain's controllers through DNS SRV records, checks
 * each one (see {@link dev.portqry.protocols.ad.DomainCheck}) and prints the matrix, or one JSON
 * object with {@code -json}. Exit code: the worst cell's; {@link ExitCodes#UNRESOLVED} when no SRV
 * record names a controller, {@link ExitCodes#DNS_SILENT} when the DNS server does not answer.
 */
public final class DomainCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<PortProbe> probes;
    private final boolean terminal;

    /**
     * @param out the console, not null
     * @param err the error stream, not null
     * @param probes makes the probe engine, not null
     * @param terminal whether {@code out} is a terminal (colour, width from {@code COLUMNS})
     */
    public DomainCommand(PrintStream out, PrintStream err, Supplier<PortProbe> probes, boolean terminal) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.terminal = terminal;
    }

    /**
     * @param argv the command line
     * @return whether it asks for the domain check ({@code -domain} in any case)
     */
    public static boolean applies(List<String> argv) {
        return argv.stream().anyMatch(a -> a.equalsIgnoreCase("-domain"));
    }

    /** @return the help lines of the domain check */
    public static List<String> helpLines() {
        return List.of(
                "",
                "portqry -domain name [-site name] [-forest name] [-dnsserver ip[:port]] [-dnswait ms] [-json]",
                "        [-certdays n] [timing options]   check every domain controller of an AD domain",
                "  -domain name   find the DCs from DNS SRV records (_ldap._tcp.dc._msdcs, _kerberos._tcp, _gc._tcp)",
                "                 and check each: Domains and Trusts ports, dynamic RPC ports, Kerberos realm and",
                "                 clock skew, LDAPS and GC-SSL certificate days, SMB signing, CLDAP netlogon ping",
                "  -site name     use the site-specific SRV records of that AD site",
                "  -forest name   the forest root for _gc._tcp (default: the domain)",
                "  -dnsserver ip  ask this DNS server (default: the first nameserver of /etc/resolv.conf)",
                "  -dnswait ms    wait for each DNS answer, 10-60000 (default 2000, 2 attempts)",
                "  -certdays n    certificates with fewer days left are a warning (default 30)");
    }

    /**
     * @param argv the command line, holding {@code -domain}
     * @return the exit code
     */
    public int run(List<String> argv) {
        DomainRequest req;
        try {
            req = DomainRequest.parse(argv);
        } catch (CliException e) {
            return fail(e.getMessage(), e.exitCode());
        }
        DomainControllerLocator locator;
        try {
            locator = req.locator().build();
        } catch (IllegalStateException e) {
            return fail(e.getMessage() + " (give -dnsserver)", ExitCodes.FAILURE);
        }
        try (locator; PortProbe probe = probes.get()) {
            DomainControllers dcs = locator.locate(req.domain()).join();
            if (dcs.controllers().isEmpty()) {
                int code = dcs.serverSilent() ? ExitCodes.DNS_SILENT : ExitCodes.UNRESOLVED;
                if (req.json()) {
                    out.println(JsonWriter.write(Map.of("discovery", dcs, "problem", dcs.problem().orElse(""), "exitCode", code)));
                    out.flush();
                }
                return fail(SafeText.escape(dcs.problem().orElse("no domain controllers")), code);
            }
            if (!req.json()) {
                DomainTable.discovery(dcs).forEach(out::println);
                out.println("Checking " + dcs.controllers().size() + " domain controller"
                        + (dcs.controllers().size() == 1 ? "" : "s") + "...");
                out.flush();
            }
            DomainMatrix m = req.check().run(probe, dcs, cell -> { }).join();
            if (req.json()) {
                out.println(DomainJson.write(m));
            } else {
                List<String> lines = new DomainTable(width(), terminal).lines(m);
                lines.subList(DomainTable.discovery(dcs).size(), lines.size()).forEach(out::println);
            }
            out.flush();
            return m.exitCode();
        }
    }

    private int width() {
        if (!terminal) {
            return DomainTable.DEFAULT_WIDTH;
        }
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "" + DomainTable.DEFAULT_WIDTH).trim());
        } catch (NumberFormatException e) {
            return DomainTable.DEFAULT_WIDTH;
        }
    }

    private int fail(String message, int code) {
        out.flush();
        err.println("portqry: " + message + " (exit code " + code + ")");
        err.flush();
        return code;
    }

    /** @return whether the console looks like a colour terminal */
    public static boolean colourTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.toLowerCase(Locale.ROOT).equals("dumb")
                && System.getenv("NO_COLOR") == null;
    }
}
