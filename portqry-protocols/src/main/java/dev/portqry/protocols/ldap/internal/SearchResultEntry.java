package dev.portqry.protocols.ldap.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SearchResultEntry, {@code [APPLICATION 4]} (RFC 4511 section 4.5.2): one entry with its
 * attributes in server order. Immutable.
 *
 * @param objectName the entry's DN; {@code ""} for the rootDSE
 * @param attributes the attributes, not null
 */
public record SearchResultEntry(String objectName, List<PartialAttribute> attributes) implements LdapProtocolOp {
    /** {@code [APPLICATION 4]}. */
    public static final BerTag TAG = BerTag.application(4, true);

    /** Checks for nulls and copies. */
    public SearchResultEntry {
        Objects.requireNonNull(objectName, "objectName");
        attributes = List.copyOf(attributes);
    }

    /**
     * @param r positioned at the operation, not null
     * @param maxValues the most attributes plus values accepted, at least 1
     * @return the entry
     * @throws ProtocolDecodeException when malformed or when the entry holds more than {@code maxValues}
     */
    public static SearchResultEntry decode(BerReader r, int maxValues) {
        BerReader body = r.readConstructed(TAG);
        String dn = body.readUtf8();
        BerReader list = body.readSequence();
        body.expectEnd("SearchResultEntry");
        List<PartialAttribute> attrs = new ArrayList<>();
        int count = 0;
        while (list.hasRemaining()) {
            BerReader attr = list.readSequence();
            String type = attr.readUtf8();
            // vals SET OF value; RFC 4511 4.1.7 lets a SearchResultEntry attribute carry no values only with typesOnly.
            BerReader vals = attr.readSet();
            attr.expectEnd("PartialAttribute " + type);
            List<byte[]> values = new ArrayList<>();
            while (vals.hasRemaining()) {
                values.add(vals.readOctetString());
                count++;
                ProtocolDecodeException.check(count <= maxValues, r.protocol(),
                        "entry holds more than %d attributes and values (maxEntries)", maxValues);
            }
            count++;
            ProtocolDecodeException.check(count <= maxValues, r.protocol(),
                    "entry holds more than %d attributes and values (maxEntries)", maxValues);
            attrs.add(new PartialAttribute(type, values));
        }
        return new SearchResultEntry(dn, attrs);
    }

    @Override
    public BerTag tag() {
        return TAG;
    }

    @Override
    public void writeTo(BerWriter w) {
        w.start(TAG).writeUtf8(objectName).startSequence();
        for (PartialAttribute a : attributes) {
            w.startSequence().writeUtf8(a.type()).startSet();
            a.rawValues().forEach(w::writeOctetString);
            w.end().end();
        }
        w.end().end();
    }

    @Override
    public String toString() {
        return "SearchResultEntry[dn=\"" + objectName + "\", " + attributes.size() + " attributes: "
                + attributes.stream().map(PartialAttribute::type).toList() + "]";
    }
}
