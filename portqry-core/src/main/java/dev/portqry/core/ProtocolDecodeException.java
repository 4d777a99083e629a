package dev.portqry.core;

/**
 * A reply that a responder cannot decode: truncated, a length past the end, a wrong tag, a
 * structure nested too deep. Decoders throw it (and only it); the probe engine turns it into an
 * {@link ResponderOutcome.Unparseable} outcome: the port still counts as LISTENING.
 */
public class ProtocolDecodeException extends PortQryException {
    private static final long serialVersionUID = 1L;

    private final String protocol;

    /**
     * @param protocol the protocol whose decoder failed, e.g. {@code LDAP}
     * @param message what was wrong with the bytes
     */
    public ProtocolDecodeException(String protocol, String message) {
        super(protocol + ": " + message);
        this.protocol = protocol;
    }

    /**
     * @param protocol the protocol whose decoder failed, e.g. {@code LDAP}
     * @param message what was wrong with the bytes
     * @param cause the underlying exception, may be null
     */
    public ProtocolDecodeException(String protocol, String message, Throwable cause) {
        super(protocol + ": " + message, cause);
        this.protocol = protocol;
    }

    /** @return the protocol whose decoder failed */
    public String protocol() {
        return protocol;
    }

    /**
     * Throws when a condition on the input does not hold.
     *
     * @param condition what must be true of the bytes
     * @param protocol the decoding protocol
     * @param format a {@link String#format} message
     * @param args its arguments
     * @throws ProtocolDecodeException when {@code condition} is false
     */
    public static void check(boolean condition, String protocol, String format, Object... args) {
        if (!condition) {
            throw new ProtocolDecodeException(protocol, String.format(java.util.Locale.ROOT, format, args));
        }
    }

    /**
     * The last-resort net: turns any runtime exception escaping a decoder into this type.
     *
     * @param protocol the decoding protocol
     * @param e the exception that escaped
     * @return {@code e} itself when it already is a decode exception, else a wrapper with {@code e} as cause
     */
    public static ProtocolDecodeException wrap(String protocol, RuntimeException e) {
        if (e instanceof ProtocolDecodeException pde) {
            return pde;
        }
        return new ProtocolDecodeException(protocol, "malformed reply (" + e + ")", e);
    }
}
