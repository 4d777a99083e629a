package dev.portqry.protocols.ad;

import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.protocols.kerberos.KerberosResult;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import dev.portqry.protocols.smb.SmbResult;
import dev.portqry.protocols.tls.TlsResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns probe statuses into matrix cells: one rule per column. Pure functions. */
final class CellRules {
    /** A clock skew beyond this breaks Kerberos (its default maximum skew). */
    static final Duration KERBEROS_MAX_SKEW = Duration.ofMinutes(5);
    /** A clock skew beyond this is worth a warning. */
    static final Duration SKEW_WARNING = Duration.ofMinutes(1);

    private CellRules() {
    }

    /** A cell's content before it gets its row and timing. */
    record Verdict(CellState state, String value, String reason) {
        static Verdict ok(String value) {
            return new Verdict(CellState.ANSWERED, value, "");
        }
    }

    /** The cell of a port column: its state, the responder's summary, the reason when not listening. */
    static Verdict port(PortStatus s) {
        CellState state = CellState.of(s.state());
        String value = s.responder().map(CellRules::outcomeText).orElse("");
        return new Verdict(state, value, state.needsReason() ? s.reason() : "");
    }

    private static String outcomeText(ResponderOutcome o) {
        if (o instanceof ResponderOutcome.Answered a) {
            String sum = a.result().summary();
            return sum.isEmpty() ? a.responder() + " answered" : sum;
        }
        if (o instanceof ResponderOutcome.Unparseable u) {
            return u.responder() + ": unparseable reply (" + u.error() + ")";
        }
        return o.responder() + ": no reply (" + ((ResponderOutcome.NoReply) o).reason() + ")";
    }

    /** When the port under a derived check is not listening, the derived check shares its fate. */
    static Optional<Verdict> portDown(PortStatus s) {
        if (s.state() == PortState.LISTENING) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(CellState.of(s.state()), "", s.protocol() + " " + s.port() + " " + s.state().displayName()
                + ": " + s.reason()));
    }

    /** The protocol's failure to answer on a listening port. */
    static Verdict noAnswer(PortStatus s, String what) {
        String why = s.responder().map(CellRules::outcomeText).orElse("no " + what + " responder ran");
        return new Verdict(CellState.FAILED, "", why);
    }

    static Verdict kerberos(PortStatus s) {
        return portDown(s).orElseGet(() -> s.result(KerberosResult.class).map(k -> {
            String realm = k.reply().realm();
            Optional<Duration> skew = k.clockSkew();
            String value = "realm " + realm + skew.map(d -> " skew " + seconds(d)).orElse("");
            if (k.realmRefused()) {
                return new Verdict(CellState.FAILED, value, "the KDC refused realm " + k.requestedRealm());
            }
            if (skew.isPresent() && skew.get().abs().compareTo(KERBEROS_MAX_SKEW) > 0) {
                return new Verdict(CellState.FAILED, value, "clock skew " + seconds(skew.get()) + " exceeds Kerberos' 5 minutes");
            }
            if (skew.isPresent() && skew.get().abs().compareTo(SKEW_WARNING) > 0) {
                return new Verdict(CellState.WARNING, value, "clock skew " + seconds(skew.get()) + " over 1 minute");
            }
            return Verdict.ok(value);
        }).orElseGet(() -> noAnswer(s, "Kerberos")));
    }

    static Verdict certificate(PortStatus s, int warnDays) {
        return portDown(s).orElseGet(() -> s.result(TlsResult.class).map(t -> t.daysLeft().map(days -> {
            String value = days + " days";
            if (days < 0) {
                return new Verdict(CellState.FAILED, value, "certificate expired " + (-days) + " days ago");
            }
            if (days < warnDays) {
                return new Verdict(CellState.WARNING, value, "certificate expires in " + days + " days (under " + warnDays + ")");
            }
            return Verdict.ok(value);
        }).orElseGet(() -> new Verdict(CellState.FAILED, "", "TLS answered without a certificate")))
                .orElseGet(() -> noAnswer(s, "TLS")));
    }

    static Verdict smbSigning(PortStatus s) {
        return portDown(s).orElseGet(() -> s.result(SmbResult.class).map(r -> {
            Optional<Boolean> required = r.negotiate().map(n -> n.signingRequired())
                    .or(() -> r.smb1().map(n -> n.signingRequired()));
            Optional<Boolean> enabled = r.negotiate().map(n -> n.signingEnabled())
                    .or(() -> r.smb1().map(n -> n.signingEnabled()));
            if (required.isEmpty()) {
                return new Verdict(CellState.FAILED, "", "no SMB negotiate response");
            }
            if (required.get()) {
                return Verdict.ok("required");
            }
            return new Verdict(CellState.WARNING, enabled.orElse(false) ? "enabled" : "disabled",
                    "SMB signing is not required");
        }).orElseGet(() -> noAnswer(s, "SMB")));
    }

    static Verdict netlogon(PortStatus s) {
        if (s.state() != PortState.LISTENING && s.state() != PortState.LISTENING_OR_FILTERED) {
            return portDown(s).orElseThrow();
        }
        return s.result(NetlogonPingResult.class).map(r -> {
            NetlogonSamLogonResponseEx x = r.response();
            String value = "site " + x.dcSiteName() + " " + x.flagNames();
            if (x.opcode() == NetlogonSamLogonResponseEx.OPCODE_PAUSE_RESPONSE_EX) {
                return new Verdict(CellState.FAILED, value, "the DC's netlogon service is paused");
            }
            if (!x.usable()) {
                return new Verdict(CellState.WARNING, value, "flags lack DS, LDAP or KDC");
            }
            return Verdict.ok(value);
        }).orElseGet(() -> s.state() == PortState.LISTENING_OR_FILTERED ? new Verdict(CellState.LISTENING_OR_FILTERED, "",
                s.reason()) : noAnswer(s, "CLDAP"));
    }

    /** The endpoint mapper column before its dynamic ports are probed: empty when there are ports to probe. */
    static Optional<Verdict> dynamicPrecheck(PortStatus epm) {
        Optional<Verdict> down = portDown(epm);
        if (down.isPresent()) {
            return down;
        }
        Optional<EndpointMapperResult> dump = epm.result(EndpointMapperResult.class);
        if (dump.isEmpty()) {
            return Optional.of(noAnswer(epm, "endpoint mapper"));
        }
        if (dump.get().tcpPorts().stream().allMatch(p -> p == epm.port())) {
            return Optional.of(Verdict.ok("no dynamic TCP ports listed"));
        }
        return Optional.empty();
    }

    /** The dynamic ports' column: the worst port state, and which ports are in which state. */
    static Verdict dynamic(List<PortStatus> ports) {
        TreeMap<PortState, List<Integer>> by = new TreeMap<>();
        for (PortStatus s : ports) {
            by.computeIfAbsent(s.state(), k -> new java.util.ArrayList<>()).add(s.port());
        }
        CellState worst = CellState.LISTENING;
        for (PortState st : by.keySet()) {
            CellState c = CellState.of(st);
            if (c.exitCode() > worst.exitCode()) {
                worst = c;
            }
        }
        String value = ports.size() + " ports " + ranges(ports.stream().map(PortStatus::port).toList());
        if (!worst.needsReason()) {
            return new Verdict(CellState.LISTENING, value, "");
        }
        String reason = by.entrySet().stream().map(e -> e.getKey().displayName() + " " + ranges(e.getValue()))
                .collect(Collectors.joining("; "));
        String first = ports.stream().filter(p -> p.state() != PortState.LISTENING).map(PortStatus::reason).findFirst().orElse("");
        return new Verdict(worst, value, reason + (first.isEmpty() ? "" : " (" + first + ")"));
    }

    /** @return e.g. {@code 61000-61002,61010} */
    static String ranges(List<Integer> ports) {
        List<Integer> sorted = ports.stream().distinct().sorted().toList();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int start = sorted.get(i);
            int end = start;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1) {
                end = sorted.get(++i);
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(start);
            if (end != start) {
                b.append('-').append(end);
            }
        }
        return b.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%+.3f s", d.getSeconds() + d.getNano() / 1e9);
    }
}
