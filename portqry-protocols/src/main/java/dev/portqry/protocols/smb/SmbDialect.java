package dev.portqry.protocols.smb;

import java.util.Map;

/**
 * An SMB2 dialect revision (MS-SMB2 section 2.2.3 Dialects, 2.2.4 DialectRevision): an open
 * value type, so {@link #valueOf(int)} never throws.
 *
 * @param code the wire value, e.g. {@code 0x0311}
 * @param name the dialect as people write it, e.g. {@code 3.1.1}
 */
public record SmbDialect(int code, String name) {
    /** SMB 2.0.2 (Windows Vista / Server 2008). */
    public static final SmbDialect SMB_2_0_2 = new SmbDialect(0x0202, "2.0.2");
    /** SMB 2.1 (Windows 7 / Server 2008 R2). */
    public static final SmbDialect SMB_2_1 = new SmbDialect(0x0210, "2.1");
    /** SMB 3.0 (Windows 8 / Server 2012). */
    public static final SmbDialect SMB_3_0 = new SmbDialect(0x0300, "3.0");
    /** SMB 3.0.2 (Windows 8.1 / Server 2012 R2). */
    public static final SmbDialect SMB_3_0_2 = new SmbDialect(0x0302, "3.0.2");
    /** SMB 3.1.1 (Windows 10 / Server 2016 and later): negotiate contexts, pre-auth integrity. */
    public static final SmbDialect SMB_3_1_1 = new SmbDialect(0x0311, "3.1.1");
    /** The wildcard revision of a multi-protocol negotiate (MS-SMB2 3.3.5.3.1): "SMB 2.???". */
    public static final SmbDialect SMB_2_WILDCARD = new SmbDialect(0x02ff, "2.???");

    private static final Map<Integer, SmbDialect> KNOWN = Map.of(
            0x0202, SMB_2_0_2, 0x0210, SMB_2_1, 0x0300, SMB_3_0, 0x0302, SMB_3_0_2, 0x0311, SMB_3_1_1, 0x02ff, SMB_2_WILDCARD);

    /**
     * @param code a wire dialect revision
     * @return the known dialect or an {@code UNKNOWN(0x....)} value; never null
     */
    public static SmbDialect valueOf(int code) {
        SmbDialect d = KNOWN.get(code);
        return d != null ? d : new SmbDialect(code, String.format("UNKNOWN(0x%04x)", code));
    }

    /** @return e.g. {@code 3.1.1 (0x0311)} */
    @Override
    public String toString() {
        return String.format("%s (0x%04x)", name, code);
    }
}
