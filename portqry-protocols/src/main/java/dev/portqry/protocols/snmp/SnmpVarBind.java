package dev.portqry.protocols.snmp;

import dev.portqry.protocols.snmp.internal.SnmpGetRequest;
import java.util.Objects;

/**
 * One variable binding of a response (RFC 3416 3): an object name and its value.
 *
 * @param oid the object identifier in dotted decimal, not null
 * @param value the value, not null
 */
public record SnmpVarBind(String oid, SnmpValue value) {
    /** Checks that nothing is null. */
    public SnmpVarBind {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(value, "value");
    }

    /** @return the MIB-II name for the system objects this responder asks for, else the OID */
    public String label() {
        return SnmpGetRequest.labelOf(oid);
    }

    /** @return e.g. {@code sysName.0 = STRING: dc1} */
    @Override
    public String toString() {
        return label() + " = " + value;
    }
}
