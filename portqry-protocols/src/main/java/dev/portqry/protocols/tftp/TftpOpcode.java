package dev.portqry.protocols.tftp;

import java.util.Map;

/**
 * A TFTP opcode (RFC 1350 section 5; OACK from RFC 2347). Open: {@link #valueOf(int)} gives
 * a known constant or an {@code UNKNOWN(n)} value and never throws.
 *
 * @param code the two-byte opcode
 * @param name the RFC's name, or {@code UNKNOWN(n)}
 */
public record TftpOpcode(int code, String name) {
    /** Read request. */
    public static final TftpOpcode RRQ = new TftpOpcode(1, "RRQ");
    /** Write request. */
    public static final TftpOpcode WRQ = new TftpOpcode(2, "WRQ");
    /** Data block. */
    public static final TftpOpcode DATA = new TftpOpcode(3, "DATA");
    /** Acknowledgment. */
    public static final TftpOpcode ACK = new TftpOpcode(4, "ACK");
    /** Error. */
    public static final TftpOpcode ERROR = new TftpOpcode(5, "ERROR");
    /** Option acknowledgment (RFC 2347). */
    public static final TftpOpcode OACK = new TftpOpcode(6, "OACK");

    private static final Map<Integer, TftpOpcode> KNOWN = Map.of(1, RRQ, 2, WRQ, 3, DATA, 4, ACK, 5, ERROR, 6, OACK);

    /**
     * @param code a two-byte opcode
     * @return the known opcode, or an {@code UNKNOWN(code)} value
     */
    public static TftpOpcode valueOf(int code) {
        TftpOpcode known = KNOWN.get(code);
        return known != null ? known : new TftpOpcode(code, "UNKNOWN(" + code + ")");
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
