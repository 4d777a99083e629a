package dev.portqry.protocols.tftp;

import java.util.Map;

/**
 * A TFTP error code (RFC 1350 appendix, "Error Codes"; 8 from RFC 2347). Open:
 * {@link #valueOf(int)} never throws.
 *
 * @param code the two-byte error code
 * @param meaning the RFC's meaning, or {@code unknown error n}
 */
public record TftpErrorCode(int code, String meaning) {
    /** Not defined, see error message. */
    public static final TftpErrorCode NOT_DEFINED = new TftpErrorCode(0, "Not defined, see error message");
    /** File not found. */
    public static final TftpErrorCode FILE_NOT_FOUND = new TftpErrorCode(1, "File not found");
    /** Access violation. */
    public static final TftpErrorCode ACCESS_VIOLATION = new TftpErrorCode(2, "Access violation");
    /** Disk full or allocation exceeded. */
    public static final TftpErrorCode DISK_FULL = new TftpErrorCode(3, "Disk full or allocation exceeded");
    /** Illegal TFTP operation. */
    public static final TftpErrorCode ILLEGAL_OPERATION = new TftpErrorCode(4, "Illegal TFTP operation");
    /** Unknown transfer ID. */
    public static final TftpErrorCode UNKNOWN_TRANSFER_ID = new TftpErrorCode(5, "Unknown transfer ID");
    /** File already exists. */
    public static final TftpErrorCode FILE_EXISTS = new TftpErrorCode(6, "File already exists");
    /** No such user. */
    public static final TftpErrorCode NO_SUCH_USER = new TftpErrorCode(7, "No such user");
    /** Option negotiation refused (RFC 2347). */
    public static final TftpErrorCode OPTION_REFUSED = new TftpErrorCode(8, "Option negotiation refused");

    private static final Map<Integer, TftpErrorCode> KNOWN = Map.of(0, NOT_DEFINED, 1, FILE_NOT_FOUND, 2, ACCESS_VIOLATION,
            3, DISK_FULL, 4, ILLEGAL_OPERATION, 5, UNKNOWN_TRANSFER_ID, 6, FILE_EXISTS, 7, NO_SUCH_USER, 8, OPTION_REFUSED);

    /**
     * @param code a two-byte error code
     * @return the known code, or one whose meaning is {@code unknown error code}
     */
    public static TftpErrorCode valueOf(int code) {
        TftpErrorCode known = KNOWN.get(code);
        return known != null ? known : new TftpErrorCode(code, "unknown error " + code);
    }

    @Override
    public String toString() {
        return code + " (" + meaning + ")";
    }
}
