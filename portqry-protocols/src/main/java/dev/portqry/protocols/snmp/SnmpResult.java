package dev.portqry.protocols.snmp;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.ResponderResult;
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
    private static final String PROTO = "SNMP";
    private static final int TAG_RESPONSE = 0xa2;

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
        BerReader message = new BerReader(in).constructed(SnmpGetRequest.TAG_SEQUENCE);
        int versionCode = message.readInt();
        SnmpVersion version = SnmpVersion.ofCode(versionCode);
        ProtocolDecodeException.check(version != null, PROTO, "version %d is not v1 or v2c", versionCode);
        String community = message.value(SnmpGetRequest.TAG_OCTET_STRING).toString(StandardCharsets.UTF_8);
        int pduTag = message.peekTag();
        ProtocolDecodeException.check(pduTag == TAG_RESPONSE, PROTO, "PDU tag 0x%02x is not a Response", pduTag);
        BerReader pdu = message.constructed(TAG_RESPONSE);
        int requestId = pdu.readInt();
        SnmpErrorStatus status = SnmpErrorStatus.valueOf(pdu.readInt());
        int errorIndex = pdu.readInt();
        BerReader list = pdu.constructed(SnmpGetRequest.TAG_SEQUENCE);
        List<SnmpVarBind> varBinds = new ArrayList<>();
        while (list.hasMore()) {
            ProtocolDecodeException.check(varBinds.size() < maxEntries, PROTO, "more than %d variable bindings", maxEntries);
            BerReader vb = list.constructed(SnmpGetRequest.TAG_SEQUENCE);
            String oid = BerReader.oid(vb.value(0x06));
            int tag = vb.readTag();
            SnmpValue value = SnmpValue.decode(tag, vb.contents());
            ProtocolDecodeException.check(!vb.hasMore(), PROTO, "variable binding %s has extra bytes", oid);
            varBinds.add(new SnmpVarBind(oid, value));
        }
        ProtocolDecodeException.check(!pdu.hasMore() && !message.hasMore(), PROTO, "extra bytes after the PDU");
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
        return lines;
    }

    @Override
    public String summary() {
        return sysName().map(n -> "sysName=" + n).orElse("error-status=" + errorStatus.name());
    }
}
