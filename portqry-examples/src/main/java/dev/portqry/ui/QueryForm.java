package dev.portqry.ui;

import dev.portqry.cli.ArgumentParser;
import dev.portqry.cli.CliException;
import dev.portqry.cli.PortLists;
import dev.portqry.cli.PredefinedService;
import dev.portqry.cli.PredefinedServices;
import dev.portqry.cli.ResponderSettings;
import dev.portqry.core.IpPreference;
import dev.portqry.core.PortSpec;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import io.netty.util.NetUtil;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query form as the page posts it ({@code application/x-www-form-urlencoded}), checked the
 * same way the page checks it: every problem is reported against its field.
 *
 * @param target {@code target}: a name or IP literal (IPv6 with or without brackets)
 * @param service {@code service}: a predefined service's key, or empty
 * @param tcp {@code tcp}: TCP ports and ranges, e.g. {@code 135,1024-5000}, or empty
 * @param udp {@code udp}: UDP ports and ranges, or empty
 * @param community {@code community}: the SNMP community, empty for the responder's default
 * @param sourcePort {@code sourcePort}: 1-65535, or empty for an ephemeral port
 * @param ipVersion {@code ip}: {@code any}, {@code ipv4} or {@code ipv6}
 * @param slowLink {@code slowLink}: double the UDP waits
 * @param reverseLookup {@code reverse}: resolve an IP literal back to a name
 */
record QueryForm(String target, String service, String tcp, String udp, String community, String sourcePort,
                 String ipVersion, boolean slowLink, boolean reverseLookup) {
    /** Longest target: a DNS name's 253 characters, or an IPv6 literal with brackets and zone. */
    static final int MAX_TARGET = 253;
    /** Longest community string accepted. */
    static final int MAX_COMMUNITY = 255;
    /** Largest form body read, in bytes. */
    static final int MAX_BODY = 16 * 1024;

    // RFC 1123 section 2.1 host names; underscores are allowed because Active Directory uses them.
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

    /**
     * @param body the URL-encoded body, not null
     * @return the form; absent fields are empty, check boxes are on when present with any value but {@code false}
     */
    static QueryForm parse(String body) {
        Map<String, String> f = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            f.putIfAbsent(k, v);
        }
        return new QueryForm(text(f, "target"), text(f, "service"), text(f, "tcp"), text(f, "udp"),
                f.getOrDefault("community", ""), text(f, "sourcePort"), text(f, "ip"),
                flag(f, "slowLink"), flag(f, "reverse"));
    }

    /**
     * Checks every field and builds the query.
     *
     * @param ui the server's limits and base probe options
     * @param settings the responder settings the community goes to
     * @return the checked query
     * @throws ApiException HTTP 400 naming every field at fault
     */
    QueryRequest check(UiOptions ui, ResponderSettings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkTarget().ifPresent(m -> errors.put("target", m));
        Optional<PredefinedService> svc = Optional.empty();
        if (!service.isEmpty()) {
            svc = PredefinedServices.service(service);
            if (svc.isEmpty()) {
                errors.put("service", "Unknown predefined service '" + service + "'");
            }
        }
        Set<PortSpec> ports = new LinkedHashSet<>();
        svc.ifPresent(s -> s.ports().forEach(c -> ports.add(new PortSpec(c.protocol(), c.port()))));
        addPorts(ports, Protocol.TCP, "tcp", tcp, errors);
        addPorts(ports, Protocol.UDP, "udp", udp, errors);
        if (ports.isEmpty() && !errors.containsKey("tcp") && !errors.containsKey("udp") && !errors.containsKey("service")) {
            errors.put("tcp", "Choose a predefined service or enter TCP or UDP ports");
        } else if (ports.size() > ui.maxPorts()) {
            errors.put(tcp.isEmpty() ? "udp" : "tcp", "At most " + ui.maxPorts() + " ports per query, was " + ports.size());
        }
        int sp = 0;
        if (!sourcePort.isEmpty()) {
            try {
                sp = PortLists.port("Source port:", sourcePort);
            } catch (CliException e) {
                errors.put("sourcePort", e.getMessage());
            }
        }
        if (community.length() > MAX_COMMUNITY || community.chars().anyMatch(Character::isISOControl)) {
            errors.put("community", "Community must be at most " + MAX_COMMUNITY + " printable characters");
        }
        IpPreference ip = switch (ipVersion) {
            case "", "any" -> IpPreference.SYSTEM;
            case "ipv4" -> IpPreference.IPV4_ONLY;
            case "ipv6" -> IpPreference.IPV6_ONLY;
            default -> {
                errors.put("ip", "IP version must be any, ipv4 or ipv6, was '" + ipVersion + "'");
                yield IpPreference.SYSTEM;
            }
        };
        if (!errors.isEmpty()) {
            throw ApiException.badForm(errors);
        }
        ProbeOptions options = ui.probeOptions().toBuilder()
                .slowLink(slowLink).reverseLookup(reverseLookup).ipPreference(ip).sourcePort(sp)
                // One fixed source port cannot serve two probes at once.
                .maxInFlight(sp != 0 ? 1 : ui.parallel())
                .build();
        if (!community.isEmpty()) {
            options = settings.apply(options, Map.of(ArgumentParser.COMMUNITY_SETTING, community));
        }
        return new QueryRequest(target.startsWith("[") ? target.substring(1, target.length() - 1) : target,
                List.copyOf(ports), options, svc.map(PredefinedService::name));
    }

    private Optional<String> checkTarget() {
        if (target.isEmpty()) {
            return Optional.of("Enter a name or an IP address to query");
        }
        if (target.length() > MAX_TARGET) {
            return Optional.of("A name has at most " + MAX_TARGET + " characters");
        }
        String literal = target.startsWith("[") && target.endsWith("]") ? target.substring(1, target.length() - 1) : target;
        if (NetUtil.isValidIpV4Address(literal) || NetUtil.isValidIpV6Address(literal) || HOST_NAME.matcher(target).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + target + "' is neither a host name (such as dc1.corp.example.test) nor an IP address");
    }

    private static void addPorts(Set<PortSpec> out, Protocol protocol, String field, String text, Map<String, String> errors) {
        if (text.isEmpty()) {
            return;
        }
        try {
            for (int port : PortLists.portsAndRanges(protocol + " ports:", text)) {
                out.add(new PortSpec(protocol, port));
            }
        } catch (CliException e) {
            errors.put(field, e.getMessage());
        }
    }

    private static String text(Map<String, String> f, String key) {
        return f.getOrDefault(key, "").trim();
    }

    private static boolean flag(Map<String, String> f, String key) {
        String v = f.get(key);
        return v != null && !v.equalsIgnoreCase("false");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.field(400, "form", "The form is not URL-encoded: " + e.getMessage());
        }
    }
}
