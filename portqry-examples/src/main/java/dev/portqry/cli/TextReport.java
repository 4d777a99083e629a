package dev.portqry.cli;

import dev.portqry.core.PortStatus;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.protocols.greeting.GreetingResponder;
import dev.portqry.protocols.msrpc.EndpointMapperResponder;
import dev.portqry.protocols.snmp.SnmpResponder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * PortQry's text for a target and its ports: PortQry's lines first and exact (text, order, blank
 * lines, as in Microsoft's samples, see CLI.md), then portqry's extra lines for the port, then
 * the port's status line, so every port's block ends with its state. Every line it returns is
 * escaped ({@link SafeText}): a target name, a reverse-lookup name, a responder's section or
 * decode error can never hold a control character or start a new line.
 */
public final class TextReport {
    private TextReport() {
    }

    /**
     * How one port is printed, beyond its status.
     *
     * @param service the service name PortQry prints ({@link PortQryServiceNames})
     * @param ephemeralNote whether to say the query used an ephemeral source port despite {@code -sp}
     * @param snmpCommunity the community an SNMP query uses, for PortQry's {@code community name for query:}
     */
    public record PortStyle(String service, boolean ephemeralNote, String snmpCommunity) {
        /** @param s a status @return the plain style: the status's own service name, no note, community public */
        public static PortStyle of(PortStatus s) {
            return new PortStyle(PortQryServiceNames.name(s.protocol(), s.port(), s.serviceName()), false, "public");
        }
    }

    /**
     * @param target the target as given
     * @return the lines before name resolution
     */
    public static List<String> targetHeader(String target) {
        return List.of("Querying target system called:", "", " " + SafeText.escape(target), "");
    }

    /**
     * @param target the target as given
     * @param literal whether it is an IP literal
     * @param reverse whether an IP literal is resolved back to a name (not {@code -nr})
     * @return the line announcing resolution, empty when nothing is resolved
     */
    public static Optional<String> resolving(String target, boolean literal, boolean reverse) {
        if (literal) {
            return reverse ? Optional.of("Attempting to resolve IP address to a name...") : Optional.empty();
        }
        return Optional.of("Attempting to resolve name to IP address...");
    }

    /**
     * @param t the resolved target
     * @param reverse whether an IP literal was resolved back to a name
     * @return the resolution result line and the {@code querying...} line, each followed by a blank line
     */
    public static List<String> resolved(ResolvedTarget t, boolean reverse) {
        return resolved(t, reverse, false);
    }

    /**
     * @param t the resolved target
     * @param reverse whether an IP literal was resolved back to a name
     * @param quiet {@code -q}: PortQry's log then has no {@code querying...} line
     * @return the resolution result line and the {@code querying...} line, each followed by a blank line
     */
    public static List<String> resolved(ResolvedTarget t, boolean reverse, boolean quiet) {
        List<String> out = new ArrayList<>(resolution(t, reverse));
        if (!quiet) {
            out.add("querying...");
            out.add("");
        }
        return escaped(out);
    }

    /**
     * @param t the resolved target
     * @param reverse whether an IP literal was resolved back to a name
     * @return the resolution result line between blank lines, empty for an IP literal under {@code -nr}
     */
    public static List<String> resolution(ResolvedTarget t, boolean reverse) {
        if (!t.literal()) {
            return List.of("", "Name resolved to " + t.first().getHostAddress(), "");
        }
        if (reverse) {
            return List.of("", t.reverseName().map(n -> "IP address resolved to " + SafeText.escape(n))
                    .orElse("Failed to resolve IP address to name"), "");
        }
        return List.of();
    }

    /**
     * @param s a status
     * @param service the service name to print
     * @return PortQry's status line, e.g. {@code TCP port 80 (http service): LISTENING}, for the step-1 state
     */
    public static String statusLine(PortStatus s, String service) {
        return s.protocol() + " port " + s.port() + " (" + SafeText.escape(service) + " service): " + s.initialState().displayName();
    }

    /**
     * @param s the probe's status
     * @param responder the responder that ran step 2, when one did
     * @param ephemeralNote whether to say the query used an ephemeral source port despite {@code -sp}
     * @return the port's block with the status's own service name
     */
    public static List<String> port(PortStatus s, Optional<ProtocolResponder> responder, boolean ephemeralNote) {
        PortStyle plain = PortStyle.of(s);
        return port(s, responder, new PortStyle(plain.service(), ephemeralNote, plain.snmpCommunity()));
    }

    /**
     * One port's block: the status line; when a protocol query ran, PortQry's lines for it (a
     * blank line, its banner and answer), portqry's extra lines after a blank line, and a blank
     * line and the verdict {@code <TCP|UDP> port N is <STATE>} as the block's last line.
     *
     * @param s the probe's status
     * @param responder the responder that ran step 2, when one did
     * @param style the service name, the ephemeral note and the SNMP community
     * @return the block's lines, without a blank line after it
     */
    public static List<String> port(PortStatus s, Optional<ProtocolResponder> responder, PortStyle style) {
        List<String> out = new ArrayList<>();
        out.add(statusLine(s, style.service()));
        if (s.responder().isEmpty()) {
            return out;
        }
        ResponderOutcome outcome = s.responder().get();
        String display = responder.map(ProtocolResponder::displayName).orElse(outcome.responder());
        boolean rpc = responder.map(r -> r instanceof EndpointMapperResponder).orElse(false);
        boolean greeting = responder.map(r -> r instanceof GreetingResponder).orElse(false);
        if (!rpc) {
            // PortQry's endpoint-mapper block follows its status line directly; every other one after a blank line.
            out.add("");
        }
        if (style.ephemeralNote()) {
            out.add("Using ephemeral source port");
        }
        if (responder.map(r -> r instanceof SnmpResponder).orElse(false)) {
            out.addAll(HelperLines.snmpCommunity(style.snmpCommunity()));
        }
        if (!greeting) {
            out.add(responder.map(r -> r.queryBanner(s.protocol(), s.port()))
                    .orElse("Sending " + display + " query to " + s.protocol() + " port " + s.port() + "..."));
        }
        List<String> extras = new ArrayList<>();
        if (outcome instanceof ResponderOutcome.Answered a) {
            HelperLines h = HelperLines.of(a.result());
            out.addAll(h.afterBanner());
            extras.addAll(h.extras());
        } else if (outcome instanceof ResponderOutcome.Unparseable u) {
            byte[] b = u.firstBytes();
            extras.add("Could not parse the " + display + " reply: " + SafeText.escape(u.error()));
            extras.add("First " + b.length + " bytes received: " + HexFormat.ofDelimiter(" ").formatHex(b));
        } else if (outcome instanceof ResponderOutcome.NoReply n) {
            extras.add("No " + display + " reply: " + SafeText.escape(n.reason()));
        }
        if (!extras.isEmpty()) {
            out.add("");
            out.addAll(extras);
        }
        out.add("");
        out.add(verdict(s));
        return escaped(out);
    }

    private static List<String> escaped(List<String> lines) {
        return lines.stream().map(SafeText::escape).toList();
    }

    /**
     * @param s a status
     * @return PortQry's verdict after step 2, e.g. {@code UDP port 389 is LISTENING}
     */
    public static String verdict(PortStatus s) {
        return s.protocol() + " port " + s.port() + " is " + s.state().displayName();
    }
}
