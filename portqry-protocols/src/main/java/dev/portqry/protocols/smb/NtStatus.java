package dev.portqry.protocols.smb;

import java.util.Map;

/**
 * An NTSTATUS code (MS-ERREF section 2.3) as an open value type: {@link #valueOf(int)} never throws.
 *
 * @param code the 32-bit status
 * @param name the MS-ERREF name, or the hex code when unknown
 */
public record NtStatus(int code, String name) {
    /** The operation succeeded. */
    public static final NtStatus SUCCESS = new NtStatus(0, "STATUS_SUCCESS");

    private static final Map<Integer, String> KNOWN = Map.of(
            0xc0000002, "STATUS_NOT_IMPLEMENTED",
            0xc000000d, "STATUS_INVALID_PARAMETER",
            0xc0000022, "STATUS_ACCESS_DENIED",
            0xc00000bb, "STATUS_NOT_SUPPORTED",
            0xc0000016, "STATUS_MORE_PROCESSING_REQUIRED",
            0xc000009a, "STATUS_INSUFFICIENT_RESOURCES",
            0xc00000ac, "STATUS_PIPE_NOT_AVAILABLE");

    /**
     * @param code a wire status
     * @return the named status, or one named by its hex value; never null
     */
    public static NtStatus valueOf(int code) {
        if (code == 0) {
            return SUCCESS;
        }
        return new NtStatus(code, KNOWN.getOrDefault(code, String.format("0x%08x", code)));
    }

    /** @return whether this is {@code STATUS_SUCCESS} */
    public boolean isSuccess() {
        return code == 0;
    }

    @Override
    public String toString() {
        return name.startsWith("0x") ? name : String.format("%s (0x%08x)", name, code);
    }
}
