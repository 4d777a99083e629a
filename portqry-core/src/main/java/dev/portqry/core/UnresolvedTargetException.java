package dev.portqry.core;

/** A target name that did not resolve to any address (of the requested IP version). */
public final class UnresolvedTargetException extends PortQryException {
    private static final long serialVersionUID = 1L;

    private final String target;

    /**
     * @param target the name as given
     * @param message why it did not resolve
     * @param cause the resolver's exception, may be null
     */
    public UnresolvedTargetException(String target, String message, Throwable cause) {
        super(message, cause);
        this.target = target;
    }

    /** @return the name that did not resolve */
    public String target() {
        return target;
    }
}
