package dev.portqry.exporter;

import dev.portqry.cli.PredefinedService;
import dev.portqry.cli.PredefinedServices;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.PortClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The modules every exporter has: one per PortQryUI predefined service (named by its CLI key,
 * {@code domains}, {@code dns}, ...; no port required, so one listening port is a success) and
 * {@code ad_dc}, the domain controller check.
 */
public final class BuiltinModules {
    /** The domain controller module's name. */
    public static final String AD_DC = "ad_dc";

    /**
     * The ports a working AD DC must answer on, of the Domains and Trusts list: DNS, Kerberos,
     * the endpoint mapper, LDAP and CLDAP, SMB, LDAPS and the global catalog. WINS (42), NetBIOS
     * (137-139) and GC over TLS (3269) are probed and shown but not required.
     */
    private static final Set<String> AD_DC_REQUIRED = Set.of("tcp/53", "udp/53", "tcp/88", "udp/88", "tcp/135",
            "tcp/389", "udp/389", "tcp/445", "tcp/636", "tcp/3268");

    private BuiltinModules() {
    }

    /** @return the built-in modules by name, predefined services first, then {@code ad_dc} */
    public static Map<String, ProbeModule> modules() {
        Map<String, ProbeModule> out = new LinkedHashMap<>();
        for (PredefinedService s : PredefinedServices.services()) {
            List<ModulePort> ports = new ArrayList<>();
            for (PortClaim c : s.ports()) {
                ports.add(ModulePort.of(c.protocol(), c.port(), false));
            }
            out.put(s.key(), ProbeModule.of(s.key(), "PortQryUI's \"" + s.name() + "\": " + s.portList(), ports));
        }
        ProbeModule dc = adDc();
        out.put(dc.name(), dc);
        return out;
    }

    /**
     * Domains and Trusts, with: the rootDSE's {@code defaultNamingContext} on TCP 389, a
     * certificate not yet expired on TCP 636, a Kerberos answer on 88, and every dynamic RPC port
     * the endpoint mapper lists reachable.
     *
     * @return the {@code ad_dc} module
     */
    public static ProbeModule adDc() {
        PredefinedService domains = PredefinedServices.service("domains").orElseThrow();
        List<ModulePort> ports = new ArrayList<>();
        for (PortClaim c : domains.ports()) {
            ModulePort p = ModulePort.of(c.protocol(), c.port(), AD_DC_REQUIRED.contains(key(c)));
            if (key(c).equals("tcp/389")) {
                p = p.withExpectation("ldap-attribute=defaultNamingContext");
            } else if (key(c).equals("tcp/636")) {
                p = p.withExpectation("cert-days-left=0");
            }
            ports.add(p);
        }
        return new ProbeModule(AD_DC, "Active Directory domain controller: Domains and Trusts, rootDSE, "
                + "endpoint mapper dynamic ports, Kerberos, LDAPS certificate", ports, true, true,
                ProbeModule.DEFAULT_TIMEOUT, Map.of());
    }

    private static String key(PortClaim c) {
        return (c.protocol() == Protocol.TCP ? "tcp/" : "udp/") + c.port();
    }
}
