package dev.portqry.protocols.ike;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.ike.internal.IkeHeader;
import dev.portqry.protocols.ike.internal.IkeKePayload;
import dev.portqry.protocols.ike.internal.IkeMessage;
import dev.portqry.protocols.ike.internal.IkeNotifyPayload;
import dev.portqry.protocols.ike.internal.IkePayloadType;
import dev.portqry.protocols.ike.internal.IkeRawPayload;
import dev.portqry.protocols.ike.internal.IkeSaPayload;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An IKE responder's answer to IKE_SA_INIT: a full response (the proposal it chose, its KE
 * group) or an error notification such as NO_PROPOSAL_CHOSEN or INVALID_KE_PAYLOAD. Either
 * proves an IKE service.
 *
 * @param version the answer's IKE version, {@code 2.0} or {@code 1.0}
 * @param exchangeType the answer's exchange type, not null
 * @param responderSpi the responder's SPI as 16 hex digits (zeros in most error answers)
 * @param notifies the notify types, in order
 * @param chosenProposal the proposal the responder chose, when it sent an SA payload
 * @param keGroup the group of the responder's KE payload, when present
 * @param requestedGroup the group an INVALID_KE_PAYLOAD asks for, when present
 * @param vendorIds the Vendor ID payloads, hex
 * @param nonEspMarker whether the exchange used the non-ESP marker (RFC 3948 section 2.2, port 4500)
 */
public record IkeResult(String version, IkeExchangeType exchangeType, String responderSpi, List<IkeNotifyType> notifies,
                        Optional<IkeProposal> chosenProposal, OptionalInt keGroup, OptionalInt requestedGroup,
                        List<String> vendorIds, boolean nonEspMarker) implements ResponderResult {

    /** Copies the lists and checks for nulls. */
    public IkeResult {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(exchangeType, "exchangeType");
        Objects.requireNonNull(responderSpi, "responderSpi");
        Objects.requireNonNull(chosenProposal, "chosenProposal");
        Objects.requireNonNull(keGroup, "keGroup");
        Objects.requireNonNull(requestedGroup, "requestedGroup");
        notifies = List.copyOf(notifies);
        vendorIds = List.copyOf(vendorIds);
    }

    /**
     * @param m a decoded answer
     * @param nonEspMarker whether the marker was used
     * @return the result
     */
    static IkeResult of(IkeMessage m, boolean nonEspMarker) {
        List<IkeNotifyPayload> notify = m.payloads(IkeNotifyPayload.class);
        OptionalInt requested = notify.stream().map(IkeNotifyPayload::requestedGroup).filter(OptionalInt::isPresent)
                .findFirst().orElse(OptionalInt.empty());
        List<IkeKePayload> ke = m.payloads(IkeKePayload.class);
        return new IkeResult(m.header().version(), m.header().exchangeType(), IkeHeader.hex(m.header().responderSpi()),
                notify.stream().map(IkeNotifyPayload::notifyType).toList(),
                m.payloads(IkeSaPayload.class).stream().flatMap(sa -> sa.proposals().stream()).findFirst(),
                ke.isEmpty() ? OptionalInt.empty() : OptionalInt.of(ke.get(0).group()),
                requested,
                m.payloads(IkeRawPayload.class).stream().filter(p -> p.type().equals(IkePayloadType.VENDOR_ID))
                        .map(p -> HexFormat.of().formatHex(p.body())).toList(),
                nonEspMarker);
    }

    /** @return PortQry-style section: version, exchange, SPI, chosen proposal, notifies, vendor IDs */
    @Override
    public List<String> reportLines() {
        List<String> out = new ArrayList<>();
        out.add("IKE query response:");
        out.add("Version: " + version);
        out.add("Exchange type: " + exchangeType);
        out.add("Responder SPI: " + responderSpi);
        chosenProposal.ifPresent(p -> out.add("Chosen proposal: " + p.transforms().stream().map(Object::toString)
                .reduce((a, b) -> a + ", " + b).orElse("")));
        keGroup.ifPresent(g -> out.add("Key exchange group: " + IkeTransform.groupName(g) + " (" + g + ")"));
        for (IkeNotifyType n : notifies) {
            out.add("Notify: " + n);
        }
        requestedGroup.ifPresent(g -> out.add("Requested key exchange group: " + IkeTransform.groupName(g) + " (" + g + ")"));
        for (String v : vendorIds) {
            out.add("Vendor ID: " + v);
        }
        out.add("======== End of IKE query response ========");
        return out.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        String what = notifies.stream().filter(IkeNotifyType::isError).findFirst().map(IkeNotifyType::name)
                .orElse(chosenProposal.map(IkeProposal::toString).orElse(exchangeType.name()));
        return SafeText.escape("IKEv" + version.charAt(0) + " " + what);
    }
}
