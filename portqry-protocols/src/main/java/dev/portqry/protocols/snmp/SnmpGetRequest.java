package dev.portqry.protocols.snmp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A GetRequest-PDU (RFC 1157 4.1.2, RFC 3416 4.2.1) in a community-based message (RFC 1157 4,
 * RFC 1901 3): {@code SEQUENCE { version, community, [0] { request-id, 0, 0, varbinds with NULL } }}.
 *
 * @param version v1 or v2c, not null
 * @param community the community name, not null
 * @param requestId the request-id echoed by the response
 * @param oids the objects to get, dotted decimal, not empty
 */
public record SnmpGetRequest(SnmpVersion version, String community, int requestId, List<String> oids) {
    /** sysDescr.0, sysObjectID.0, sysUpTime.0 and sysName.0 of MIB-II's system group (RFC 3418). */
    public static final List<String> SYSTEM_OIDS = List.of(
            "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0");
    static final int TAG_SEQUENCE = 0x30;
    static final int TAG_GET_REQUEST = 0xa0;
    static final int TAG_OCTET_STRING = 0x04;
    private static final Map<String, String> LABELS = labels();

    /** Copies the list and checks the fields. */
    public SnmpGetRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(community, "community");
        oids = List.copyOf(oids);
        if (oids.isEmpty()) {
            throw new IllegalArgumentException("oids must not be empty");
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1.3.6.1.2.1.1.1.0", "sysDescr.0");
        m.put("1.3.6.1.2.1.1.2.0", "sysObjectID.0");
        m.put("1.3.6.1.2.1.1.3.0", "sysUpTime.0");
        m.put("1.3.6.1.2.1.1.5.0", "sysName.0");
        return Map.copyOf(m);
    }

    static String labelOf(String oid) {
        return LABELS.getOrDefault(oid, oid);
    }

    /**
     * @param alloc the allocator, not null
     * @return the encoded message; the caller owns it
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf varbinds = alloc.buffer();
        ByteBuf pdu = alloc.buffer();
        ByteBuf message = alloc.buffer();
        try {
            ByteBuf one = alloc.buffer();
            try {
                for (String oid : oids) {
                    one.clear();
                    BerWriter.oid(one, oid);
                    one.writeByte(0x05).writeByte(0);        // value: NULL in a request
                    BerWriter.tlv(varbinds, TAG_SEQUENCE, one);
                }
            } finally {
                one.release();
            }
            BerWriter.integer(pdu, requestId);
            BerWriter.integer(pdu, 0);                       // error-status
            BerWriter.integer(pdu, 0);                       // error-index
            BerWriter.tlv(pdu, TAG_SEQUENCE, varbinds);
            BerWriter.integer(message, version.code());
            BerWriter.tlv(message, TAG_OCTET_STRING, community.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            BerWriter.tlv(message, TAG_GET_REQUEST, pdu);
            ByteBuf out = alloc.buffer(message.readableBytes() + 4);
            BerWriter.tlv(out, TAG_SEQUENCE, message);
            return out;
        } finally {
            varbinds.release();
            pdu.release();
            message.release();
        }
    }

    @Override
    public String toString() {
        return "SnmpGetRequest[v" + version.label() + ", community=" + community + ", id=" + requestId
                + ", " + oids.stream().map(SnmpGetRequest::labelOf).toList() + "]";
    }
}
