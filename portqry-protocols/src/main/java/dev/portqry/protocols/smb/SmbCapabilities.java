package dev.portqry.protocols.smb;

import java.util.ArrayList;
import java.util.List;

/** Names the SMB2 global capability flags (MS-SMB2 section 2.2.4 Capabilities). */
public final class SmbCapabilities {
    /** DFS. */
    public static final int DFS = 0x01;
    /** Leasing. */
    public static final int LEASING = 0x02;
    /** Multi-credit (large MTU) operations. */
    public static final int LARGE_MTU = 0x04;
    /** Multiple channels per session. */
    public static final int MULTI_CHANNEL = 0x08;
    /** Persistent handles. */
    public static final int PERSISTENT_HANDLES = 0x10;
    /** Directory leasing. */
    public static final int DIRECTORY_LEASING = 0x20;
    /** Encryption (SMB 3.0 / 3.0.2; 3.1.1 negotiates ciphers in a context instead). */
    public static final int ENCRYPTION = 0x40;
    /** Server-to-client notifications (3.1.1). */
    public static final int NOTIFICATIONS = 0x80;

    private static final String[] NAMES = {"DFS", "LEASING", "LARGE_MTU", "MULTI_CHANNEL", "PERSISTENT_HANDLES",
        "DIRECTORY_LEASING", "ENCRYPTION", "NOTIFICATIONS"};

    private SmbCapabilities() {
    }

    /**
     * @param flags the capability bits
     * @return the names of the set bits, unknown ones as {@code 0x...}; empty for 0
     */
    public static List<String> names(int flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int bit = 1 << i;
            if ((flags & bit) != 0) {
                out.add(i < NAMES.length ? NAMES[i] : String.format("0x%08x", bit));
            }
        }
        return out;
    }
}
