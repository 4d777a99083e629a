package dev.portqry.exporter;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which targets {@code /probe} may name, so that an exporter others can reach cannot be used to
 * scan arbitrary networks. Entries are CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}, a bare
 * address counts as a single host) and name patterns ({@code *.corp.example.test}, {@code dc?};
 * {@code *} and {@code ?} wildcards, any case). A target is allowed when its name (as given)
 * matches a pattern, or every address it resolves to lies in a block. The empty list allows
 * loopback addresses only. Immutable.
 */
public final class TargetAllowList {
    /** Allows loopback addresses only. */
    public static final TargetAllowList LOOPBACK_ONLY = new TargetAllowList(List.of(), List.of(), List.of());

    private final List<String> entries;
    private final List<Cidr> blocks;
    private final List<Pattern> names;

    private TargetAllowList(List<String> entries, List<Cidr> blocks, List<Pattern> names) {
        this.entries = List.copyOf(entries);
        this.blocks = List.copyOf(blocks);
        this.names = List.copyOf(names);
    }

    /**
     * @param entries CIDR blocks, addresses and name patterns, not null; empty: loopback only
     * @return the list
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TargetAllowList of(List<String> entries) {
        List<Cidr> blocks = new ArrayList<>();
        List<Pattern> names = new ArrayList<>();
        for (String raw : entries) {
            String e = raw == null ? "" : raw.trim();
            if (e.isEmpty()) {
                throw new IllegalArgumentException("allow-list entry must not be empty");
            }
            Cidr c = Cidr.parse(e);
            if (c != null) {
                blocks.add(c);
            } else if (e.matches("[A-Za-z0-9*?._-]{1,253}")) {
                names.add(glob(e));
            } else {
                throw new IllegalArgumentException("allow-list entry must be a CIDR block such as 10.0.0.0/8, an address, "
                        + "or a name pattern such as *.corp.example.test, was " + raw);
            }
        }
        return new TargetAllowList(entries, blocks, names);
    }

    /** @return the entries as configured; empty means loopback only */
    public List<String> entries() {
        return entries;
    }

    /**
     * @param target the target as given in the request, not null
     * @return whether it matches a name pattern (then it is allowed whatever it resolves to)
     */
    public boolean allowsName(String target) {
        String t = target.trim().toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(p -> p.matcher(t).matches());
    }

    /** @return whether the list has CIDR blocks (or is empty, meaning loopback), so resolving a name can help */
    public boolean hasAddressRules() {
        return !blocks.isEmpty() || names.isEmpty();
    }

    /**
     * @param addresses what the target resolved to, not null
     * @return whether every address lies in a block (in loopback for the empty list); false for none
     */
    public boolean allowsAddresses(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return false;
        }
        for (InetAddress a : addresses) {
            boolean in = entries.isEmpty() ? a.isLoopbackAddress() : blocks.stream().anyMatch(b -> b.contains(a));
            if (!in) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "loopback only" : String.join(", ", entries);
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            re.append(c == '*' ? "[^\\s]*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    /** A block of addresses: its first bytes and prefix length. */
    private record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String addr = slash < 0 ? text : text.substring(0, slash);
            if (addr.startsWith("[") && addr.endsWith("]")) {
                addr = addr.substring(1, addr.length() - 1);
            }
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(addr);
            if (bytes == null) {
                return null;
            }
            int max = bytes.length * 8;
            int prefix = max;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > max) {
                    throw new IllegalArgumentException("allow-list entry " + text + ": prefix length must be 0-" + max);
                }
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                byte[] mapped = ipv4Mapped(b);
                if (mapped == null || mapped.length != network.length) {
                    return false;
                }
                b = mapped;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] ipv4Mapped(byte[] b) {
            if (b.length != 16) {
                return null;
            }
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return null;
                }
            }
            if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
                return null;
            }
            try {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
