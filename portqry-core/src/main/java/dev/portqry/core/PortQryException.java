package dev.portqry.core;

/**
 * Root of the exceptions this library throws for real faults: a bad argument that got past
 * validation, a name that does not resolve, a reply that cannot be decoded. Expected network
 * outcomes (refused, ICMP errors, silence) are never exceptions: they are {@link PortStatus} values.
 */
public class PortQryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, in words a user can act on
     */
    public PortQryException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in words a user can act on
     * @param cause the underlying fault, may be null
     */
    public PortQryException(String message, Throwable cause) {
        super(message, cause);
    }
}
