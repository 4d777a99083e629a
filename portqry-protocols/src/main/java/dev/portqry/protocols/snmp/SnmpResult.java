package dev.portqry.protocols.snmp;

import dev.portqry.core.SafeText;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's Response-PDU (RFC 1157 4.1.4 GetResponse, RFC 3416 4.2 Response) to the probe's
 * GetRequest. Immutable.
 *
 * @param version the message's version
 * @param community the community echoed by the agent (the one the query used)
 * @param requestId the echoed request-id
 * @param errorStatus noError, or why the agent refused (v1 answers noSuchName for a missing object)
 * @param errorIndex the 1-based varbind the error is about, 0 for none
 * @param varBinds the variable bindings, in order
 */
public record SnmpResult(SnmpVersion version, String community, int requestId, SnmpErrorStatus errorStatus,
                         int errorIndex, List<SnmpVarBind> varBinds) implements ResponderResult {
    /**
     * The caps of SNMP decoding: a message never exceeds a UDP datagram; message, PDU, varbind
     * list, varbind and value nest 5 deep; an OID has at most 128 sub-identifiers (RFC 2578 3.5).
     */
    static final BerLimits LIMITS = new BerLimits(65_535, 8, 128);
    /** Response-PDU, {@code [2]} IMPLICIT SEQUENCE (RFC 3416 section 3; GetResponse in RFC 1157 4.1.4). */
    static final BerTag TAG = BerTag.context(2, true);
    private static final String PROTO = "SNMP";

    /** Copies the list and checks that nothing is null. */
    public SnmpResult {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(errorStatus, "errorStatus");
        varBinds = List.copyOf(varBinds);
    }

    /**
     * Decodes a community-based message holding a Response-PDU.
     *
     * @param in the datagram, not null
     * @param maxEntries the cap on variable bindings
     * @return the result
     * @throws ProtocolDecodeException when the bytes are not such a message
     */
    public static SnmpResult decode(ByteBuf in, int maxEntries) {
        BerReader message = BerReader.of(in, PROTO, LIMITS).readSequence();
        int versionCode = message.readInt();
        SnmpVersion version = SnmpVersion.ofCode(versionCode);
        ProtocolDecodeException.check(version != null, PROTO, "version %d is not v1 or v2c", versionCode);
        // Agents echo the community byte for byte; it need not be UTF-8, so it is not checked as such.
        String community = new String(message.readOctetString(), StandardCharsets.UTF_8);
        BerTag pduTag = message.peekTag();
        ProtocolDecodeException.check(pduTag.equals(TAG), PROTO, "PDU tag %s is not a Response", pduTag);
        BerReader pdu = message.readConstructed(TAG);
        int requestId = pdu.readInt();
        SnmpErrorStatus status = SnmpErrorStatus.valueOf(pdu.readInt());
        int errorIndex = pdu.readInt();
        BerReader list = pdu.readSequence();
        List<SnmpVarBind> varBinds = new ArrayList<>();
        while (list.hasRemaining()) {
            ProtocolDecodeException.check(varBinds.size() < maxEntries, PROTO, "more than %d variable bindings", maxEntries);
            BerReader vb = list.readSequence();
            String oid = vb.readOid();
            SnmpValue value = SnmpValue.decode(vb);
            ProtocolDecodeException.check(!vb.hasRemaining(), PROTO, "variable binding %s has extra bytes", oid);
            varBinds.add(new SnmpVarBind(oid, value));
        }
        ProtocolDecodeException.check(!pdu.hasRemaining() && !message.hasRemaining(), PROTO, "extra bytes after the PDU");
        return new SnmpResult(version, community, requestId, status, errorIndex, varBinds);
    }

    /**
     * @param oid an object identifier, dotted decimal
     * @return its value in this response, if present
     */
    public Optional<SnmpValue> value(String oid) {
        return varBinds.stream().filter(v -> v.oid().equals(oid)).map(SnmpVarBind::value).findFirst();
    }

    /** @return sysName.0 as text, if the agent returned it as an OCTET STRING */
    public Optional<String> sysName() {
        return value("1.3.6.1.2.1.1.5.0").filter(SnmpValue.OctetString.class::isInstance)
                .map(v -> ((SnmpValue.OctetString) v).text());
    }

    /**
     * PortQry prints {@code community name for query:} and the name before its
     * {@code Sending SNMP query} banner; the banner cannot know the community, so both lines
     * open this section instead, followed by the values PortQry never showed.
     */
    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("community name for query:");
        lines.add(community);
        lines.add("SNMP query response (v" + version.label() + "):");
        if (errorStatus.code() != 0) {
            lines.add("Error status: " + errorStatus + (errorIndex > 0 ? " at variable " + errorIndex : ""));
        }
        for (SnmpVarBind vb : varBinds) {
            lines.add(vb.toString());
        }
        lines.add("======== End of SNMP query response ========");
        return lines.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        return SafeText.escape(sysName().map(n -> "sysName=" + n).orElse("error-status=" + errorStatus.name()));
    }
}
