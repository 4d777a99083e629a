package dev.portqry.cli;

import dev.portqry.core.PortStatus;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ProtocolResponder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * PortQry's text for a target and its ports, generic over responders: their banner and
 * {@link dev.portqry.core.spi.ResponderResult#reportLines()}, never their types. Every line it
 * returns is escaped ({@link SafeText}): a target name, a reverse-lookup name, a responder's
 * section or decode error can never hold a control character or start a new line.
 */
public final class TextReport {
    private TextReport() {
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
     * @return the resolution result line and the {@code querying...} line
     */
    public static List<String> resolved(ResolvedTarget t, boolean reverse) {
        List<String> out = new ArrayList<>();
        if (!t.literal()) {
            out.add("");
            out.add("Name resolved to " + t.first().getHostAddress());
            out.add("");
        } else if (reverse) {
            out.add("");
            out.add(t.reverseName().map(n -> "IP address resolved to " + n).orElse("Failed to resolve IP address to name"));
            out.add("");
        }
        out.add("querying...");
        out.add("");
        return escaped(out);
    }

    /**
     * @param s the probe's status
     * @param responder the responder that ran step 2, when one did
     * @param ephemeralNote whether to say the query used an ephemeral source port despite {@code -sp}
     * @return the status line, the responder's section and, for UDP, the step-2 verdict
     */
    public static List<String> port(PortStatus s, Optional<ProtocolResponder> responder, boolean ephemeralNote) {
        List<String> out = new ArrayList<>();
        out.add(s.portQryLine());
        if (s.responder().isEmpty()) {
            return out;
        }
        ResponderOutcome outcome = s.responder().get();
        String display = responder.map(ProtocolResponder::displayName).orElse(outcome.responder());
        if (ephemeralNote) {
            out.add("Using ephemeral source port");
        }
        out.add(responder.map(r -> r.queryBanner(s.protocol(), s.port()))
                .orElse("Sending " + display + " query to " + s.protocol() + " port " + s.port() + "..."));
        if (outcome instanceof ResponderOutcome.Answered a) {
            out.addAll(a.result().reportLines());
        } else if (outcome instanceof ResponderOutcome.Unparseable u) {
            byte[] b = u.firstBytes();
            out.add("Could not parse the " + display + " reply: " + u.error());
            out.add("First " + b.length + " bytes received: " + HexFormat.ofDelimiter(" ").formatHex(b));
        } else if (outcome instanceof ResponderOutcome.NoReply n) {
            out.add("No " + display + " reply: " + n.reason());
        }
        if (s.protocol() == Protocol.UDP) {
            out.add(verdict(s));
        }
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
