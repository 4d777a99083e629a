package dev.portqry.protocols.snmp.internal;

import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.snmp.SnmpVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
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
    /** GetRequest-PDU, {@code [0]} IMPLICIT SEQUENCE (RFC 3416 section 3). */
    public static final BerTag TAG = BerTag.context(0, true);
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

    public static String labelOf(String oid) {
        return LABELS.getOrDefault(oid, oid);
    }

    /**
     * @param alloc the allocator, not null
     * @return the encoded message; the caller owns it
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        BerWriter w = new BerWriter().startSequence()
                .writeInteger(version.code())
                .writeOctetString(community.getBytes(StandardCharsets.UTF_8))
                .start(TAG)
                .writeInteger(requestId)
                .writeInteger(0)                            // error-status
                .writeInteger(0)                            // error-index
                .startSequence();
        for (String oid : oids) {
            w.startSequence().writeOid(oid).writeNull().end();   // value: NULL in a request
        }
        return w.end().end().end().toByteBuf(alloc);
    }

    @Override
    public String toString() {
        return "SnmpGetRequest[v" + version.label() + ", community=" + community + ", id=" + requestId
                + ", " + oids.stream().map(SnmpGetRequest::labelOf).toList() + "]";
    }
}
