package dev.portqry.protocols.l2tp;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.l2tp.internal.L2tpAvp;
import dev.portqry.protocols.l2tp.internal.L2tpAvpType;
import dev.portqry.protocols.l2tp.internal.L2tpControlMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An L2TP server's answer to an SCCRQ: usually an SCCRP (it would open a tunnel) or a StopCCN
 * (it refuses, with a result code), with the identity AVPs it chose to send.
 *
 * @param messageType the answer's message type, not null
 * @param hostName the Host Name AVP, when present
 * @param vendorName the Vendor Name AVP, when present
 * @param firmwareRevision the Firmware Revision AVP, when present
 * @param protocolVersion the Protocol Version AVP as {@code version.revision}, when present
 * @param assignedTunnelId the tunnel ID the server assigned, when present
 * @param resultCode the Result Code AVP of a StopCCN, when present
 * @param acknowledged whether a ZLB acknowledgment came before the answer
 */
public record L2tpResult(L2tpMessageType messageType, Optional<String> hostName, Optional<String> vendorName,
                         OptionalInt firmwareRevision, Optional<String> protocolVersion, OptionalInt assignedTunnelId,
                         Optional<L2tpResultCode> resultCode, boolean acknowledged) implements ResponderResult {

    /** Checks for nulls. */
    public L2tpResult {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(vendorName, "vendorName");
        Objects.requireNonNull(firmwareRevision, "firmwareRevision");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(assignedTunnelId, "assignedTunnelId");
        Objects.requireNonNull(resultCode, "resultCode");
    }

    /**
     * @param m a decoded answer, not a ZLB
     * @param acknowledged whether a ZLB came first
     * @return the result holding the answer's identity AVPs
     */
    static L2tpResult of(L2tpControlMessage m, boolean acknowledged) {
        return new L2tpResult(m.messageType().orElseThrow(),
                m.find(L2tpAvpType.HOST_NAME).map(L2tpAvp::text),
                m.find(L2tpAvpType.VENDOR_NAME).map(L2tpAvp::text),
                uint16(m, L2tpAvpType.FIRMWARE_REVISION),
                m.find(L2tpAvpType.PROTOCOL_VERSION).filter(a -> a.value().length == 2 && !a.hidden())
                        .map(a -> (a.value()[0] & 0xff) + "." + (a.value()[1] & 0xff)),
                uint16(m, L2tpAvpType.ASSIGNED_TUNNEL_ID),
                m.find(L2tpAvpType.RESULT_CODE).map(L2tpResultCode::decode),
                acknowledged);
    }

    private static OptionalInt uint16(L2tpControlMessage m, L2tpAvpType type) {
        Optional<L2tpAvp> a = m.find(type);
        return a.isPresent() ? OptionalInt.of(a.get().uint16()) : OptionalInt.empty();
    }

    /** @return PortQry-style section: the message type and the AVPs that say who answered */
    @Override
    public List<String> reportLines() {
        List<String> out = new ArrayList<>();
        out.add("L2TP query response:");
        out.add("Message type: " + messageType);
        protocolVersion.ifPresent(v -> out.add("Protocol version: " + v));
        hostName.ifPresent(h -> out.add("Host name: " + h));
        vendorName.ifPresent(v -> out.add("Vendor name: " + v));
        firmwareRevision.ifPresent(f -> out.add(String.format(java.util.Locale.ROOT, "Firmware revision: 0x%04x", f)));
        assignedTunnelId.ifPresent(t -> out.add("Assigned tunnel ID: " + t));
        resultCode.ifPresent(r -> out.add("Result code: " + r));
        out.add("======== End of L2TP query response ========");
        return out.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        return SafeText.escape(messageType.name() + hostName.map(h -> " from " + h).orElse("") + resultCode.map(r -> ", result " + r).orElse(""));
    }
}
