package dev.portqry.protocols.ldap.internal;

import dev.portqry.protocols.ldap.internal.LdapValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One attribute of an entry: its description and its values as raw octets, in server order
 * (PartialAttribute, RFC 4511 section 4.1.7). Immutable: values are copied in and out.
 *
 * @param type the attribute description, e.g. {@code namingContexts}
 * @param rawValues the values as received
 */
public record PartialAttribute(String type, List<byte[]> rawValues) {
    /** Copies the values. */
    public PartialAttribute {
        Objects.requireNonNull(type, "type");
        rawValues = rawValues.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> rawValues() {
        return rawValues.stream().map(byte[]::clone).toList();
    }

    /** @return the values as text, binary ones in hex (see {@link LdapValues#render(byte[])}) */
    public List<String> values() {
        List<String> out = new ArrayList<>(rawValues.size());
        rawValues.forEach(v -> out.add(LdapValues.render(v)));
        return out;
    }

    /** @return how many values there are */
    public int size() {
        return rawValues.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PartialAttribute p) || !p.type.equals(type) || p.rawValues.size() != rawValues.size()) {
            return false;
        }
        for (int i = 0; i < rawValues.size(); i++) {
            if (!Arrays.equals(p.rawValues.get(i), rawValues.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = type.hashCode();
        for (byte[] v : rawValues) {
            h = h * 31 + Arrays.hashCode(v);
        }
        return h;
    }

    @Override
    public String toString() {
        return type + "=" + values();
    }
}
