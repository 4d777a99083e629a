package dev.portqry.protocols.snmp;

import java.util.Locale;

/** The community-based SNMP versions this responder speaks, with their wire codes (RFC 1157, RFC 1901). */
public enum SnmpVersion {
    /** SNMPv1, version field 0. */
    V1(0, "1"),
    /** SNMPv2c, version field 1. */
    V2C(1, "2c");

    private final int code;
    private final String label;

    SnmpVersion(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** @return the version field's value */
    public int code() {
        return code;
    }

    /** @return {@code 1} or {@code 2c}, as net-snmp's {@code -v} option spells it */
    public String label() {
        return label;
    }

    /**
     * @param text {@code 1}, {@code v1}, {@code 2c} or {@code v2c}, any case
     * @return the version
     * @throws IllegalArgumentException naming the setting for anything else
     */
    public static SnmpVersion parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t.startsWith("v") ? t.substring(1) : t) {
            case "1" -> V1;
            case "2c" -> V2C;
            default -> throw new IllegalArgumentException("snmp.version must be 1 or 2c, was " + text);
        };
    }

    /** @return the version with this wire code, or null */
    static SnmpVersion ofCode(int code) {
        for (SnmpVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
