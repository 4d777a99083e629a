package dev.portqry.protocols.kerberos;

import static dev.portqry.protocols.kerberos.internal.KerberosDer.checkThat;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.field;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.readString;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.startField;
import static dev.portqry.protocols.kerberos.internal.KerberosDer.writeInteger;

import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.kerberos.internal.KerberosDer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Kerberos PrincipalName (RFC 4120 section 5.2.2): a name type and its components, without
 * the realm, e.g. {@code krbtgt/CORP.EXAMPLE.TEST} of type NT-SRV-INST.
 *
 * @param nameType the name type, e.g. {@link #NT_PRINCIPAL}
 * @param components the name components, not null, at least one
 */
public record PrincipalName(int nameType, List<String> components) {
    /** NT-PRINCIPAL: a user or host (RFC 4120 6.2). */
    public static final int NT_PRINCIPAL = 1;
    /** NT-SRV-INST: a service and its instance, as {@code krbtgt/REALM} (RFC 4120 6.2). */
    public static final int NT_SRV_INST = 2;

    /** More components than any real principal has; a decoder stops there. */
    public static final int MAX_COMPONENTS = 16;

    /** Copies the components and checks there is at least one. */
    public PrincipalName {
        components = List.copyOf(Objects.requireNonNull(components, "components"));
        if (components.isEmpty()) {
            throw new IllegalArgumentException("components must not be empty");
        }
    }

    /**
     * @param realm the realm, not null
     * @return the ticket-granting service of {@code realm}: {@code krbtgt/REALM}, NT-SRV-INST
     */
    public static PrincipalName krbtgt(String realm) {
        return new PrincipalName(NT_SRV_INST, List.of("krbtgt", realm));
    }

    /**
     * @param name a user name, not null
     * @return an NT-PRINCIPAL with one component
     */
    public static PrincipalName user(String name) {
        return new PrincipalName(NT_PRINCIPAL, List.of(name));
    }

    public static PrincipalName decode(BerReader in) {
        BerReader seq = in.readSequence();
        int type = field(seq, 0).readInt();
        BerReader strings = field(seq, 1).readSequence();
        List<String> parts = new ArrayList<>();
        while (strings.hasRemaining()) {
            checkThat(parts.size() < MAX_COMPONENTS, "more than %d name components", MAX_COMPONENTS);
            parts.add(readString(strings));
        }
        checkThat(!parts.isEmpty(), "principal name without components");
        return new PrincipalName(type, parts);
    }

    /** Writes the name as the contents of an enclosing field. */
    public void writeTo(BerWriter w) {
        w.startSequence();
        writeInteger(w, 0, nameType);
        startField(w, 1).startSequence();
        components.forEach(c -> w.writeOctetString(KerberosDer.GENERAL_STRING, c.getBytes(StandardCharsets.US_ASCII)));
        w.end().end().end();
    }

    /** @return the components joined by {@code /}, e.g. {@code krbtgt/CORP.EXAMPLE.TEST} */
    @Override
    public String toString() {
        return String.join("/", components);
    }
}
