package dev.portqry.cli;

import dev.portqry.core.Protocol;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service names PortQry prints in its status lines, from the Windows services file
 * ({@code %SYSTEMROOT%\System32\Drivers\Etc\services}) of the Windows versions PortQry 2.0 ran
 * on, for the ports PortQry users query.
 *
 * <p>The rule (CLI.md): a port this table names is printed with this name, whatever the local
 * services file says (Linux's file lacks UDP 135 and calls 143 {@code imap2} and 1701
 * {@code l2f}); a port the table marks {@code unknown} (UDP 389, TCP and UDP 1745, which the
 * Microsoft samples print as {@code unknown service}) prints {@code unknown}; any other port
 * prints the local services file's name, else {@code unknown}. Only the printed name changes:
 * the local services file still picks the responder, so remapping {@code ldap} to 1025/tcp in
 * it still sends the LDAP query to 1025.
 */
final class PortQryServiceNames {
    private static final String UNKNOWN = "unknown";
    private static final Map<String, String> TABLE = new HashMap<>();

    static {
        both("echo", 7);
        both("discard", 9);
        both("daytime", 13);
        both("qotd", 17);
        both("chargen", 19);
        tcp("ftp-data", 20);
        tcp("ftp", 21);
        tcp("ssh", 22);
        tcp("telnet", 23);
        tcp("smtp", 25);
        both("time", 37);
        both("nameserver", 42);
        tcp("nicname", 43);
        both("domain", 53);
        udp("bootps", 67);
        udp("bootpc", 68);
        udp("tftp", 69);
        tcp("gopher", 70);
        tcp("finger", 79);
        tcp("http", 80);
        both("kerberos", 88);
        tcp("iso-tsap", 102);
        tcp("pop3", 110);
        both("sunrpc", 111);
        tcp("auth", 113);
        tcp("nntp", 119);
        udp("ntp", 123);
        both("epmap", 135);
        both("netbios-ns", 137);
        udp("netbios-dgm", 138);
        tcp("netbios-ssn", 139);
        tcp("imap", 143);
        udp("snmp", 161);
        udp("snmptrap", 162);
        tcp("bgp", 179);
        tcp("irc", 194);
        tcp("ldap", 389);
        udp(UNKNOWN, 389);
        both("https", 443);
        both("microsoft-ds", 445);
        both("kpasswd", 464);
        udp("isakmp", 500);
        tcp("exec", 512);
        tcp("login", 513);
        tcp("cmd", 514);
        udp("syslog", 514);
        tcp("printer", 515);
        udp("router", 520);
        tcp("nntps", 563);
        both("http-rpc-epmap", 593);
        tcp("ldaps", 636);
        tcp("msexch-routing", 691);
        tcp("kerberos-adm", 749);
        tcp("ftps-data", 989);
        tcp("ftps", 990);
        tcp("telnets", 992);
        tcp("imaps", 993);
        tcp("pop3s", 995);
        both("ms-sql-s", 1433);
        both("ms-sql-m", 1434);
        both("wins", 1512);
        udp("l2tp", 1701);
        tcp("pptp", 1723);
        both(UNKNOWN, 1745);
        both("ms-streaming", 1755);
        udp("radius", 1812);
        udp("radacct", 1813);
        udp("ssdp", 1900);
        udp("nfsd", 2049);
        tcp("msft-gc", 3268);
        tcp("msft-gc-ssl", 3269);
        tcp("ms-wbt-server", 3389);
        both("ipsec-msft", 4500);
        udp("llmnr", 5355);
    }

    private PortQryServiceNames() {
    }

    private static void tcp(String name, int port) {
        TABLE.put(key(Protocol.TCP, port), name);
    }

    private static void udp(String name, int port) {
        TABLE.put(key(Protocol.UDP, port), name);
    }

    private static void both(String name, int port) {
        tcp(name, port);
        udp(name, port);
    }

    private static String key(Protocol protocol, int port) {
        return protocol + "/" + port;
    }

    /**
     * @param protocol the transport
     * @param port the port
     * @param local the local services file's name for it, if any
     * @return the name PortQry prints, {@code unknown} when none
     */
    static String name(Protocol protocol, int port, Optional<String> local) {
        String windows = TABLE.get(key(protocol, port));
        return windows != null ? windows : local.orElse(UNKNOWN);
    }

    /**
     * @param protocol the transport
     * @param port the port
     * @return the name from PortQry's table alone, if it names the port
     */
    static Optional<String> windowsName(Protocol protocol, int port) {
        return Optional.ofNullable(TABLE.get(key(protocol, port))).filter(n -> !n.equals(UNKNOWN));
    }
}
