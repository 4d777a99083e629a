package dev.portqry.protocols.ad;

import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The system's DNS server: the first {@code nameserver} line of {@code /etc/resolv.conf}. Unlike
 * Netty's default provider this never falls back to a public resolver: no line means no server.
 */
public final class SystemDnsServer {
    /** The file read. */
    public static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

    private SystemDnsServer() {
    }

    /** @return the first nameserver of {@link #RESOLV_CONF} on port 53, empty when there is none or the file is unreadable */
    public static Optional<InetSocketAddress> first() {
        return first(RESOLV_CONF);
    }

    /**
     * @param file a resolv.conf, not null
     * @return its first nameserver on port 53, empty when there is none or the file is unreadable
     */
    public static Optional<InetSocketAddress> first(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[0].equals("nameserver")) {
                    String addr = f[1];
                    int pct = addr.indexOf('%');
                    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(pct >= 0 ? addr.substring(0, pct) : addr);
                    if (bytes != null) {
                        return Optional.of(new InetSocketAddress(InetAddress.getByAddress(bytes), 53));
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
