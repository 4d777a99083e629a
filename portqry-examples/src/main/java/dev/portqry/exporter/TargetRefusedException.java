package dev.portqry.exporter;

/** The allow-list refuses a {@code /probe} target; the exporter answers 403 with the message. */
public final class TargetRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the target and why it is refused */
    TargetRefusedException(String message) {
        super(message);
    }
}
