package dev.portqry.protocols.l2tp;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.l2tp.internal.L2tpAvp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Result Code AVP of a StopCCN (RFC 2661 section 4.4.2): a result code, an optional
 * error code, an optional message.
 *
 * @param result the result code
 * @param error the error code, when present
 * @param message the error message, possibly empty; not null
 */
public record L2tpResultCode(int result, OptionalInt error, String message) {
    /** StopCCN result 1: general request to clear control connection. */
    public static final int CLEAR_CONNECTION = 1;

    private static final String[] STOPCCN_RESULTS = {
        "Reserved", "General request to clear control connection", "General error--Error Code indicates the problem",
        "Control channel already exists", "Requester is not authorized to establish a control channel",
        "The protocol version of the requester is not supported", "Requester is being shut down",
        "Finite State Machine error",
    };
    private static final String[] ERRORS = {
        "No general error", "No control connection exists yet for this LAC-LNS pair", "Length is wrong",
        "One of the field values was out of range or reserved field was non-zero", "Insufficient resources to handle this operation now",
        "The Session ID is invalid in this context", "A generic vendor-specific error occurred in the LAC",
        "Try another", "Session or tunnel was shutdown due to receipt of an unknown AVP with the M-bit set",
    };

    /** Checks for nulls. */
    public L2tpResultCode {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @param avp a Result Code AVP
     * @return its fields
     * @throws ProtocolDecodeException when its value is shorter than the result code
     */
    public static L2tpResultCode decode(L2tpAvp avp) {
        byte[] v = avp.value();
        ProtocolDecodeException.check(!avp.hidden() && v.length >= 2, L2tpResponder.PROTOCOL,
                "Result Code AVP of %d bytes", v.length);
        int result = ((v[0] & 0xff) << 8) | (v[1] & 0xff);
        OptionalInt error = v.length >= 4 ? OptionalInt.of(((v[2] & 0xff) << 8) | (v[3] & 0xff)) : OptionalInt.empty();
        String message = v.length > 4 ? new String(Arrays.copyOfRange(v, 4, v.length), StandardCharsets.UTF_8) : "";
        return new L2tpResultCode(result, error, message);
    }

    /** @return the meaning of the result code in a StopCCN, or empty when unknown */
    public Optional<String> resultMeaning() {
        return result < STOPCCN_RESULTS.length ? Optional.of(STOPCCN_RESULTS[result]) : Optional.empty();
    }

    /** @return the meaning of the error code, or empty when absent or unknown */
    public Optional<String> errorMeaning() {
        return error.isPresent() && error.getAsInt() < ERRORS.length ? Optional.of(ERRORS[error.getAsInt()]) : Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(result);
        resultMeaning().ifPresent(m -> b.append(" (").append(m).append(')'));
        error.ifPresent(e -> b.append(", error ").append(e));
        errorMeaning().ifPresent(m -> b.append(" (").append(m).append(')'));
        if (!message.isEmpty()) {
            b.append(": ").append(message);
        }
        return b.toString();
    }
}
