package dev.portqry.cli.domain;

import dev.portqry.cli.CliException;
import dev.portqry.core.ProbeOptions;
import dev.portqry.protocols.ad.DomainCheck;
import dev.portqry.protocols.ad.DomainControllerLocator;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A checked {@code portqry -domain} command line: the locator and check to run and the output form.
 *
 * @param domain the DNS domain
 * @param dnsServer the server given with {@code -dnsserver}, empty for the system's
 * @param locator configures discovery (without the server when none was given)
 * @param check configures the checks
 * @param json {@code -json}
 */
record DomainRequest(String domain, Optional<InetSocketAddress> dnsServer, DomainControllerLocator.Builder locator,
                     DomainCheck check, boolean json) {
    DomainRequest {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(dnsServer, "dnsServer");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(check, "check");
    }

    /**
     * @param argv the arguments, holding {@code -domain}
     * @return the request
     * @throws CliException a usage error naming the argument
     */
    static DomainRequest parse(List<String> argv) {
        DomainArguments a = new DomainArguments();
        CommandLine cl = new CommandLine(a).setOptionsCaseInsensitive(true).setPosixClusteredShortOptionsAllowed(false)
                .setExpandAtFiles(false).setAbbreviatedOptionsAllowed(false).setUnmatchedOptionsArePositionalParams(false);
        try {
            cl.parseArgs(argv.toArray(String[]::new));
        } catch (ParameterException e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            throw CliException.usage((nl >= 0 ? m.substring(0, nl) : m).trim()
                    + " (with -domain only -site, -forest, -dnsserver, -dnswait, -json, -certdays and timing options apply)");
        }
        if (a.domain == null || a.domain.isBlank()) {
            throw CliException.usage("-domain needs a DNS domain name, e.g. -domain corp.example.test");
        }
        DomainControllerLocator.Builder loc = DomainControllerLocator.builder();
        String domain;
        try {
            domain = DomainControllerLocator.checkName("-domain", a.domain);
            if (a.site != null) {
                loc.site(a.site.trim());
            }
            if (a.forest != null) {
                loc.forest(a.forest);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage().startsWith("-") ? e.getMessage() : "-" + e.getMessage());
        }
        Optional<InetSocketAddress> server = Optional.ofNullable(a.dnsServer).map(DomainRequest::server);
        server.ifPresent(loc::dnsServer);
        intIn("-dnswait", a.dnsWait, 10, 60_000, v -> loc.timeout(Duration.ofMillis(v)));
        ProbeOptions.Builder o = DomainCheck.DEFAULT_OPTIONS.toBuilder();
        intIn("-tcpwait", a.tcpWait, 1, 600_000, v -> o.tcpConnectTimeout(Duration.ofMillis(v)));
        intIn("-tcptries", a.tcpTries, 1, 10, o::tcpAttempts);
        intIn("-udpwait", a.udpWait, 1, 600_000, v -> o.udpTimeout(Duration.ofMillis(v)));
        intIn("-udptries", a.udpTries, 1, 10, o::udpAttempts);
        intIn("-querywait", a.queryWait, 1, 600_000, v -> o.responderTimeout(Duration.ofMillis(v)));
        intIn("-parallel", a.parallel, 1, 4096, o::maxInFlight);
        DomainCheck.Builder check = DomainCheck.builder().options(o.build());
        intIn("-certdays", a.certDays, 0, 3650, check::certWarnDays);
        return new DomainRequest(domain, server, loc, check.build(), a.json);
    }

    private static InetSocketAddress server(String text) {
        String t = text.trim();
        int port = 53;
        String host = t;
        if (t.startsWith("[") && t.contains("]")) {
            host = t.substring(1, t.indexOf(']'));
            String rest = t.substring(t.indexOf(']') + 1);
            if (rest.startsWith(":")) {
                port = port(text, rest.substring(1));
            }
        } else if (t.indexOf(':') > 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = port(text, t.substring(t.indexOf(':') + 1));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            throw CliException.usage("-dnsserver must be an IP address, optionally with :port ([v6]:port), was '" + text + "'");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        } catch (UnknownHostException e) {
            throw CliException.usage("-dnsserver must be an IP address, was '" + text + "'");
        }
    }

    private static int port(String text, String p) {
        try {
            int v = Integer.parseInt(p);
            if (v >= 1 && v <= 65535) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage("-dnsserver port must be 1-65535, was '" + text + "'");
    }

    private static void intIn(String option, String text, int min, int max, IntConsumer setter) {
        if (text == null) {
            return;
        }
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw CliException.usage(option + " must be a number " + min + "-" + max + ", was '" + text + "'");
        }
        if (v < min || v > max) {
            throw CliException.usage(option + " must be " + min + "-" + max + ", was " + v);
        }
        setter.accept(v);
    }
}
