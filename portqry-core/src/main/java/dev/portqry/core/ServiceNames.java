package dev.portqry.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Port and protocol to service name, from a services file ({@code /etc/services}, or
 * {@code %SystemRoot%\System32\drivers\etc\services} on Windows) or a built-in table when no
 * file exists. Immutable and thread-safe.
 */
public final class ServiceNames {
    /** Longest line read from a services file; longer lines are skipped. */
    private static final int MAX_LINE = 4096;

    private final Map<Long, String> byPort;
    private final Map<String, List<Integer>> byName;
    private final String source;

    private ServiceNames(Map<Long, String> byPort, Map<String, List<Integer>> byName, String source) {
        this.byPort = Map.copyOf(byPort);
        Map<String, List<Integer>> copy = new HashMap<>();
        byName.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.byName = Map.copyOf(copy);
        this.source = source;
    }

    /**
     * @return the operating system's services file, or the built-in table when it is missing or unreadable
     */
    public static ServiceNames system() {
        Path file = systemFile();
        if (Files.isReadable(file)) {
            try {
                return load(file);
            } catch (UncheckedIOException e) {
                return builtIn();
            }
        }
        return builtIn();
    }

    /** @return where this operating system keeps its services file */
    public static Path systemFile() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String root = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            return Paths.get(root, "System32", "drivers", "etc", "services");
        }
        return Paths.get("/etc/services");
    }

    /**
     * @param file a file in services format ({@code name port/proto [aliases] [# comment]})
     * @return its names
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ServiceNames load(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            List<String> lines = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
            return parse(lines, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read services file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param lines the lines of a services file
     * @param source where they came from, for {@link #source()}
     * @return their names; malformed lines are skipped, the first name for a port wins
     */
    public static ServiceNames parse(List<String> lines, String source) {
        Map<Long, String> byPort = new HashMap<>();
        Map<String, List<Integer>> byName = new HashMap<>();
        for (String raw : lines) {
            if (raw.length() > MAX_LINE) {
                continue;
            }
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 2) {
                continue;
            }
            int slash = f[1].indexOf('/');
            if (slash <= 0) {
                continue;
            }
            int port;
            Protocol protocol;
            try {
                port = Integer.parseInt(f[1].substring(0, slash));
                protocol = Protocol.parse(f[1].substring(slash + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!PortSpec.isPort(port)) {
                continue;
            }
            byPort.putIfAbsent(key(protocol, port), f[0]);
            for (int i = 0; i < f.length; i++) {
                if (i == 1) {
                    continue;
                }
                byName.computeIfAbsent(nameKey(protocol, f[i]), k -> new ArrayList<>()).add(port);
            }
        }
        return new ServiceNames(byPort, byName, source);
    }

    /** @return a small table of the ports PortQry users query, used when no services file exists */
    public static ServiceNames builtIn() {
        List<String> lines = List.of(
                "echo 7/tcp", "echo 7/udp", "ftp-data 20/tcp", "ftp 21/tcp", "ssh 22/tcp", "telnet 23/tcp",
                "smtp 25/tcp mail", "domain 53/tcp", "domain 53/udp", "tftp 69/udp", "http 80/tcp www",
                "kerberos 88/tcp kerberos5 krb5", "kerberos 88/udp kerberos5 krb5", "pop3 110/tcp pop-3",
                "sunrpc 111/tcp", "sunrpc 111/udp", "ntp 123/udp", "epmap 135/tcp loc-srv", "epmap 135/udp loc-srv",
                "netbios-ns 137/udp", "netbios-dgm 138/udp", "netbios-ssn 139/tcp", "imap2 143/tcp imap",
                "snmp 161/udp", "ldap 389/tcp", "ldap 389/udp", "https 443/tcp", "microsoft-ds 445/tcp",
                "kpasswd 464/tcp", "kpasswd 464/udp", "isakmp 500/udp", "submission 587/tcp", "ldaps 636/tcp",
                "imaps 993/tcp", "pop3s 995/tcp", "ms-sql-s 1433/tcp", "ms-sql-m 1434/udp", "l2f 1701/udp l2tp",
                "msft-gc 3268/tcp", "msft-gc-ssl 3269/tcp", "ms-wbt-server 3389/tcp", "ipsec-nat-t 4500/udp");
        return parse(lines, "built-in");
    }

    /**
     * @param protocol the transport
     * @param port the port
     * @return the first name the table gives that port, if any
     */
    public Optional<String> name(Protocol protocol, int port) {
        return Optional.ofNullable(byPort.get(key(protocol, port)));
    }

    /**
     * @param name a service name or alias, any case
     * @param protocol the transport
     * @return the ports with that name, in file order; empty when unknown
     */
    public List<Integer> ports(String name, Protocol protocol) {
        return byName.getOrDefault(nameKey(protocol, name), List.of());
    }

    /** @return the file these names came from, or {@code built-in} */
    public String source() {
        return source;
    }

    private static long key(Protocol protocol, int port) {
        return ((long) protocol.ordinal() << 32) | port;
    }

    private static String nameKey(Protocol protocol, String name) {
        return protocol.ordinal() + "/" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ServiceNames[" + source + ", " + byPort.size() + " ports]";
    }
}
