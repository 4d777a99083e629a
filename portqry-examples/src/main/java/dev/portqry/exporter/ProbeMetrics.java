package dev.portqry.exporter;

import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.SafeText;
import dev.portqry.protocols.kerberos.KerberosResult;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import dev.portqry.protocols.smb.SmbResult;
import dev.portqry.protocols.snmp.SnmpResult;
import dev.portqry.protocols.tls.CertificateInfo;
import dev.portqry.protocols.tls.TlsResult;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link ProbeReport} into the Prometheus text exposition format, through the Prometheus
 * Java client (a fresh registry per probe, as blackbox_exporter builds one per request), which
 * also escapes label values as the format requires.
 *
 * <p>blackbox_exporter's names where the meaning is the same: {@code probe_success},
 * {@code probe_duration_seconds}, {@code probe_dns_lookup_time_seconds},
 * {@code probe_ssl_earliest_cert_expiry}, {@code probe_ip_protocol}. portqry's own, each per
 * {@code protocol} and {@code port}: {@code portqry_port_state} (one series per state, 1 for the
 * one seen), {@code portqry_port_required}, {@code portqry_responder_outcome}, {@code portqry_expectation_met},
 * {@code portqry_ldap_rootdse_present} and {@code portqry_ldap_rootdse_info} (naming contexts),
 * {@code portqry_rpc_endpoints}, {@code portqry_rpc_dynamic_ports_listed} and
 * {@code portqry_rpc_dynamic_ports_reachable}, {@code portqry_kerberos_clock_skew_seconds},
 * {@code portqry_smb_info} (dialect) and {@code portqry_smb_signing_required},
 * {@code portqry_snmp_answered} and {@code portqry_snmp_info}, {@code portqry_ssl_days_left}.
 */
public final class ProbeMetrics {
    /** Label values from the wire are cut to this many characters. */
    static final int MAX_LABEL = 200;
    /** The content type of what {@link #write} returns. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final String[] PORT = {"protocol", "port"};

    private final PrometheusRegistry r = new PrometheusRegistry();
    private final Map<String, Object> metrics = new HashMap<>();

    private ProbeMetrics() {
    }

    /**
     * @param report the probe's report, not null
     * @return the exposition, UTF-8
     */
    public static byte[] write(ProbeReport report) {
        return new ProbeMetrics().render(report);
    }

    private byte[] render(ProbeReport report) {
        gauge("probe_success", "Whether the probe succeeded (see the module's rule)").set(report.success() ? 1 : 0);
        gauge("probe_duration_seconds", "How long the probe took").set(seconds(report.duration().toNanos()));
        gauge("probe_dns_lookup_time_seconds", "How long resolving the target took")
                .set(seconds(report.dnsLookup().toNanos()));
        report.address().ifPresent(a -> gauge("probe_ip_protocol", "IP version of the address probed")
                .set(a instanceof Inet6Address ? 6 : 4));
        if (report.ports().isEmpty()) {
            return text();
        }
        Gauge state = gauge("portqry_port_state", "1 for the state the port is in, 0 for the others",
                "protocol", "port", "state");
        Gauge required = gauge("portqry_port_required", "Whether probe_success needs this port in its expected state", PORT);
        Gauge duration = gauge("portqry_port_probe_duration_seconds", "How long the port's probe took", PORT);
        Gauge outcome = gauge("portqry_responder_outcome",
                "The protocol query's outcome: answered, unparseable or no_reply", "protocol", "port", "responder", "outcome");
        Gauge expectation = gauge("portqry_expectation_met", "Whether the port's expectation holds",
                "protocol", "port", "expectation");
        Long earliestExpiry = null;
        for (PortResult p : report.ports()) {
            PortStatus s = p.status();
            String proto = p.port().protocol().name().toLowerCase(Locale.ROOT);
            String port = Integer.toString(p.port().port());
            for (PortState st : PortState.values()) {
                state.labelValues(proto, port, st.name().toLowerCase(Locale.ROOT)).set(s.state() == st ? 1 : 0);
            }
            required.labelValues(proto, port).set(p.port().required() ? 1 : 0);
            duration.labelValues(proto, port).set(seconds(s.elapsed().toNanos()));
            s.responder().ifPresent(o -> outcome.labelValues(proto, port, label(o.responder()), outcomeName(o)).set(1));
            p.expectation().ifPresent(e -> expectation.labelValues(proto, port, label(e.token())).set(e.met() ? 1 : 0));
            Optional<TlsResult> tls = s.result(TlsResult.class);
            if (tls.isPresent()) {
                Optional<CertificateInfo> leaf = tls.get().leaf();
                if (leaf.isPresent()) {
                    long expiry = leaf.get().notAfter().getEpochSecond();
                    earliestExpiry = earliestExpiry == null ? expiry : Math.min(earliestExpiry, expiry);
                }
                tls.get().daysLeft().ifPresent(d -> gauge("portqry_ssl_days_left",
                        "Whole days until the server certificate expires", PORT).labelValues(proto, port).set(d));
            }
            ldap(proto, port, s);
            s.result(EndpointMapperResult.class).ifPresent(d -> gauge("portqry_rpc_endpoints",
                    "Entries the endpoint mapper listed", PORT).labelValues(proto, port).set(d.endpoints().size()));
            s.result(KerberosResult.class).flatMap(KerberosResult::clockSkew).ifPresent(k -> gauge(
                    "portqry_kerberos_clock_skew_seconds", "KDC time minus the exporter's time at receipt", PORT)
                    .labelValues(proto, port).set(seconds(k.toNanos())));
            s.result(SmbResult.class).ifPresent(smb -> smb(proto, port, smb));
            snmp(proto, port, s);
        }
        if (earliestExpiry != null) {
            gauge("probe_ssl_earliest_cert_expiry", "Earliest expiry of a server certificate, unix seconds")
                    .set(earliestExpiry);
        }
        report.dynamicPorts().ifPresent(list -> {
            gauge("portqry_rpc_dynamic_ports_listed", "Dynamic TCP ports the endpoint mapper listed").set(list.size());
            gauge("portqry_rpc_dynamic_ports_reachable", "Listed dynamic TCP ports that accept a connection")
                    .set(list.stream().filter(s -> s.state() == PortState.LISTENING).count());
        });
        return text();
    }

    private void ldap(String proto, String port, PortStatus s) {
        Optional<RootDseResult> dse = s.result(RootDseResult.class)
                .or(() -> s.result(TlsResult.class).flatMap(TlsResult::ldap));
        boolean ldapPort = s.responder().map(o -> o.responder().startsWith("ldap")).orElse(false);
        if (!ldapPort && dse.isEmpty()) {
            return;
        }
        gauge("portqry_ldap_rootdse_present", "Whether the rootDSE was read", PORT).labelValues(proto, port)
                .set(dse.isPresent() ? 1 : 0);
        dse.ifPresent(d -> info("portqry_ldap_rootdse", "The rootDSE's naming contexts and host name",
                "protocol", "port", "default_naming_context", "root_domain_naming_context", "dns_host_name")
                .addLabelValues(proto, port, label(d.defaultNamingContext().orElse("")),
                        label(d.rootDomainNamingContext().orElse("")), label(d.dnsHostName().orElse(""))));
    }

    private void smb(String proto, String port, SmbResult smb) {
        info("portqry_smb", "The SMB dialect the server chose", "protocol", "port", "dialect")
                .addLabelValues(proto, port, label(smb.dialect().map(d -> d.name())
                        .orElse(smb.smb1().isPresent() ? "SMB1" : "none")));
        smb.negotiate().ifPresent(n -> gauge("portqry_smb_signing_required", "Whether the server requires signing",
                PORT).labelValues(proto, port).set(n.signingRequired() ? 1 : 0));
    }

    private void snmp(String proto, String port, PortStatus s) {
        boolean snmpPort = s.responder().map(o -> o.responder().equals("snmp")).orElse(false);
        Optional<SnmpResult> snmp = s.result(SnmpResult.class);
        if (!snmpPort && snmp.isEmpty()) {
            return;
        }
        gauge("portqry_snmp_answered", "Whether the SNMP agent answered the community's GET", PORT)
                .labelValues(proto, port).set(snmp.isPresent() ? 1 : 0);
        snmp.ifPresent(a -> info("portqry_snmp", "The SNMP agent's answer", "protocol", "port", "version",
                "error_status", "sys_name").addLabelValues(proto, port, label(String.valueOf(a.version())),
                label(String.valueOf(a.errorStatus())), label(a.sysName().orElse(""))));
    }

    private static String outcomeName(ResponderOutcome o) {
        if (o instanceof ResponderOutcome.Answered) {
            return "answered";
        }
        return o instanceof ResponderOutcome.Unparseable ? "unparseable" : "no_reply";
    }

    /**
     * A wire string as a label value: controls made visible ({@link SafeText}) and cut to
     * {@link #MAX_LABEL} characters; quotes, backslashes and line breaks are then escaped by
     * the client's text writer.
     */
    static String label(String raw) {
        String v = SafeText.escape(raw);
        return v.length() > MAX_LABEL ? v.substring(0, MAX_LABEL) + "..." : v;
    }

    /** The gauge of that name, registered on first use (several ports share one metric). */
    private Gauge gauge(String name, String help, String... labels) {
        return (Gauge) metrics.computeIfAbsent(name, n -> {
            Gauge g = Gauge.builder().name(n).help(help).labelNames(labels).withoutExemplars().build();
            r.register(g);
            return g;
        });
    }

    private Info info(String name, String help, String... labels) {
        return (Info) metrics.computeIfAbsent(name, n -> {
            Info i = Info.builder().name(n).help(help).labelNames(labels).build();
            r.register(i);
            return i;
        });
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private byte[] text() {
        return exposition(r);
    }

    /**
     * @param registry the metrics, not null
     * @return their text exposition, UTF-8, written by the client's writer
     */
    static byte[] exposition(PrometheusRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
