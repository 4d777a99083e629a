package dev.portqry.cli;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.dns.DnsResult;
import dev.portqry.protocols.dns.DnsResourceRecord;
import dev.portqry.protocols.greeting.GreetingResult;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import dev.portqry.protocols.netbios.NodeStatusResult;
import dev.portqry.protocols.snmp.SnmpResult;
import dev.portqry.protocols.sqlbrowser.SqlBrowserResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One answered protocol query split the way PortQry prints it: the lines PortQry prints
 * ({@link #afterBanner()}, exact, from the typed result), and what portqry shows beyond them
 * ({@link #extras()}: more values, the name table, SNMP variables, DNS answers, every block of a
 * helper PortQry lacks), which the report prints after PortQry's lines.
 *
 * @param afterBanner PortQry's lines after the {@code Sending ... query} banner
 * @param extras portqry's additional lines, empty when none
 */
record HelperLines(List<String> afterBanner, List<String> extras) {
    /** PortQry's rendering of the rootDSE's {@code currentTime}: {@code 10/11/2001 23:10:21}. */
    private static final DateTimeFormatter CURRENT_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String LDAP_END = "======== End of LDAP query response ========";

    HelperLines {
        afterBanner = List.copyOf(afterBanner);
        extras = List.copyOf(extras);
    }

    /**
     * @param result an answered query's result
     * @return its lines
     */
    static HelperLines of(ResponderResult result) {
        if (result instanceof RootDseResult dse) {
            return ldap(dse);
        }
        if (result instanceof EndpointMapperResult dump) {
            return new HelperLines(dump.reportLines(), List.of());
        }
        if (result instanceof SqlBrowserResult sql) {
            List<String> l = new ArrayList<>();
            l.add("");
            l.addAll(sql.reportLines());
            return new HelperLines(l, List.of());
        }
        if (result instanceof NodeStatusResult nb) {
            List<String> all = nb.reportLines();
            return new HelperLines(List.of("", "Server's response: MAC address " + SafeText.escape(nb.macAddress())),
                    all.subList(Math.min(1, all.size()), all.size()));
        }
        if (result instanceof GreetingResult g) {
            return greeting(g);
        }
        if (result instanceof SnmpResult snmp) {
            // PortQry prints the community before its banner (see beforeBanner); the response is portqry's.
            List<String> all = snmp.reportLines();
            return new HelperLines(List.of(), all.subList(Math.min(2, all.size()), all.size()));
        }
        if (result instanceof DnsResult dns) {
            return new HelperLines(List.of(), dns(dns));
        }
        return new HelperLines(List.of(), result.reportLines());
    }

    /**
     * @param community the SNMP community the query uses
     * @return PortQry's lines before {@code Sending SNMP query...}
     */
    static List<String> snmpCommunity(String community) {
        return List.of("community name for query:", "", SafeText.escape(community), "");
    }

    private static HelperLines ldap(RootDseResult dse) {
        List<String> out = new ArrayList<>();
        List<String> more = new ArrayList<>();
        out.add("");
        out.add("LDAP query response:");
        out.add("");
        for (RootDseResult.Attribute a : dse.attributes()) {
            if (a.values().isEmpty()) {
                continue;
            }
            String name = SafeText.escape(a.name());
            String first = a.values().get(0);
            if (a.name().equalsIgnoreCase("currentTime") && dse.currentTime().isPresent()) {
                out.add("currentdate: " + CURRENT_DATE.format(dse.currentTime().get()) + " (unadjusted GMT)");
                more.add(name + ": " + SafeText.escape(first));
            } else {
                out.add(name + ": " + SafeText.escape(first));
            }
            for (String v : a.values().subList(1, a.values().size())) {
                more.add(name + ": " + SafeText.escape(v));
            }
        }
        out.add("");
        out.add(LDAP_END);
        if (!dse.resultCode().isSuccess()) {
            more.add("result: " + dse.resultCode() + (dse.diagnosticMessage().isEmpty() ? "" : " " + SafeText.escape(dse.diagnosticMessage())));
        }
        List<String> extras = new ArrayList<>();
        if (!more.isEmpty()) {
            extras.add("More of the LDAP reply (PortQry prints the first value of each attribute):");
            extras.addAll(more);
        }
        return new HelperLines(out, extras);
    }

    private static HelperLines greeting(GreetingResult g) {
        List<String> out = new ArrayList<>();
        out.add(GreetingResult.HEADER);
        g.lines().forEach(l -> out.add(SafeText.escape(l)));
        if (!g.anonymousReply().isEmpty()) {
            out.add("");
            g.anonymousReply().forEach(l -> out.add(SafeText.escape(l)));
        }
        return new HelperLines(out, g.truncated() ? List.of("(reply cut after the line cap)") : List.of());
    }

    /** Any DNS answer proves a DNS server; the words say what it answered, never "error". */
    private static List<String> dns(DnsResult a) {
        List<String> out = new ArrayList<>();
        out.add("DNS server's answer (any answer, positive or negative, means the port is LISTENING):");
        a.question().ifPresent(q -> out.add("Question: " + SafeText.escape(q.toString())));
        out.add("Answer: " + meaning(a.rcode().intValue()) + " (" + a.rcode() + ")");
        records(out, "Answer records", a.answers());
        records(out, "Authority records", a.authorities());
        out.add("======== End of DNS query response ========");
        return out;
    }

    private static String meaning(int rcode) {
        return switch (rcode) {
            case 0 -> "the server answered the question";
            case 1 -> "the server declined the question's form";
            case 2 -> "the server could not answer this question itself";
            case 3 -> "the server says the name does not exist";
            case 4 -> "the server does not answer this kind of query";
            case 5 -> "the server declined to answer this question";
            default -> "the server answered with response code " + rcode;
        };
    }

    private static void records(List<String> out, String title, List<DnsResourceRecord> records) {
        out.add(title + ": " + records.size());
        for (DnsResourceRecord r : records) {
            out.add("  " + SafeText.escape(r.toString()));
        }
    }
}
