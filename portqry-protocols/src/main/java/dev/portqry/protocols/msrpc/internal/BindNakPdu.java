package dev.portqry.protocols.msrpc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A bind_nak PDU (C706 12.6.4.5, MS-RPCE 2.2.2.5): why the association was refused and which
 * protocol versions the server supports.
 *
 * @param rejectReason the {@code provider_reject_reason}
 * @param versions supported versions, e.g. {@code 5.0}
 */
public record BindNakPdu(int rejectReason, List<String> versions) {
    /** Copies the versions. */
    public BindNakPdu {
        versions = List.copyOf(versions);
    }

    /**
     * @param pdu a bind_nak PDU
     * @return the bind_nak; a body holding only the reason is accepted
     */
    public static BindNakPdu decode(CoPdu pdu) {
        NdrReader r = new NdrReader(pdu.bodyBuf(), pdu.header().littleEndian());
        int reason = r.u16("provider_reject_reason");
        List<String> versions = new ArrayList<>();
        if (r.remaining() > 0) {
            int n = r.u8("n_protocols");
            r.need(2 * n, "protocol versions");
            for (int i = 0; i < n; i++) {
                versions.add(r.u8("major") + "." + r.u8("minor"));
            }
        }
        return new BindNakPdu(reason, versions);
    }

    /** @return C706's words for the reason */
    public String reasonText() {
        return switch (rejectReason) {
            case 0 -> "reason not specified";
            case 1 -> "temporary congestion";
            case 2 -> "local limit exceeded";
            case 3 -> "called presentation address unknown";
            case 4 -> "protocol version not supported";
            case 5 -> "default context not supported";
            case 6 -> "user data not readable";
            case 7 -> "no presentation address available";
            case 8 -> "authentication type not recognized";
            case 9 -> "invalid checksum";
            default -> "reason " + rejectReason;
        };
    }
}
