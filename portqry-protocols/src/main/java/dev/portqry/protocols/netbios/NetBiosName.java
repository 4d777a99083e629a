package dev.portqry.protocols.netbios;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a node's name table (RFC 1002 4.2.18 NODE_NAME ARRAY).
 *
 * @param name the first 15 bytes with trailing spaces and NULs removed; not null
 * @param suffix the 16th byte, the service type (0x00 workstation, 0x20 server, 0x1b domain
 *        master browser, 0x1c domain controllers...), 0-255
 * @param flags the entry's NAME_FLAGS; not null
 */
public record NetBiosName(String name, int suffix, NameFlags flags) {
    /** Checks the fields. */
    public NetBiosName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flags, "flags");
        if (suffix < 0 || suffix > 0xff) {
            throw new IllegalArgumentException("suffix must be 0-255, was " + suffix);
        }
    }

    /** @return the suffix as nbtstat shows it, e.g. {@code <1c>} */
    public String suffixText() {
        return String.format(Locale.ROOT, "<%02x>", suffix);
    }

    /** @return e.g. {@code CORP            <1c>  GROUP M-node ACTIVE} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-15s %s  %s", name, suffixText(), flags);
    }
}
