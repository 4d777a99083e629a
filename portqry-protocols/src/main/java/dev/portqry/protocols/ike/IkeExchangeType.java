package dev.portqry.protocols.ike;

import java.util.Map;

/**
 * An ISAKMP/IKE exchange type: IKEv2's from RFC 7296 section 3.1, IKEv1's from RFC 2408
 * section 3.1 and RFC 2409. Open: {@link #valueOf(int)} never throws.
 *
 * @param code the exchange type byte
 * @param name the RFC's name, or {@code UNKNOWN(n)}
 */
public record IkeExchangeType(int code, String name) {
    /** IKEv2 IKE_SA_INIT. */
    public static final IkeExchangeType IKE_SA_INIT = new IkeExchangeType(34, "IKE_SA_INIT");
    /** IKEv2 INFORMATIONAL. */
    public static final IkeExchangeType INFORMATIONAL = new IkeExchangeType(37, "INFORMATIONAL");

    private static final Map<Integer, IkeExchangeType> KNOWN = Map.of(
            2, new IkeExchangeType(2, "Identity Protection (IKEv1 Main Mode)"),
            4, new IkeExchangeType(4, "Aggressive (IKEv1)"),
            5, new IkeExchangeType(5, "Informational (IKEv1)"),
            34, IKE_SA_INIT,
            35, new IkeExchangeType(35, "IKE_AUTH"),
            36, new IkeExchangeType(36, "CREATE_CHILD_SA"),
            37, INFORMATIONAL);

    /**
     * @param code an exchange type byte
     * @return the known type, or an {@code UNKNOWN(code)} value
     */
    public static IkeExchangeType valueOf(int code) {
        IkeExchangeType known = KNOWN.get(code);
        return known != null ? known : new IkeExchangeType(code, "UNKNOWN(" + code + ")");
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
