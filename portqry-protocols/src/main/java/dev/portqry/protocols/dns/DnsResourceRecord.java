package dev.portqry.protocols.dns;

import io.netty.handler.codec.dns.DnsRecordType;
import java.util.Objects;

/**
 * One resource record of an answer or authority section (RFC 1035 4.1.3), copied out of
 * Netty's reference-counted record. Immutable.
 *
 * @param name the owner name, fully qualified with the trailing dot; not null
 * @param type the record type (an open value: unknown codes come back as {@code UNKNOWN})
 * @param dnsClass the class code, 1 for IN
 * @param ttl the time to live in seconds, 0 to 2^32-1
 * @param data the rdata in zone-file presentation for A, AAAA, NS, CNAME, PTR, MX, SOA, SRV and
 *        TXT, else as hex; not null
 */
public record DnsResourceRecord(String name, DnsRecordType type, int dnsClass, long ttl, String data) {
    /** Checks that nothing is null. */
    public DnsResourceRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** @return the class as a mnemonic: {@code IN}, {@code CH}, {@code HS}, else {@code CLASSn} (RFC 3597 5) */
    public String className() {
        return classText(dnsClass);
    }

    /** @return the record as a zone-file line, e.g. {@code dc1.corp.example.test. 900 IN A 127.0.0.1} */
    @Override
    public String toString() {
        return name + " " + ttl + " " + className() + " " + type.name() + " " + data;
    }

    static String classText(int dnsClass) {
        return switch (dnsClass) {
            case 1 -> "IN";
            case 3 -> "CH";
            case 4 -> "HS";
            default -> "CLASS" + dnsClass;
        };
    }
}
