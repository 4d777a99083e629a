package dev.portqry.protocols.greeting;

/** Reads the POP3 greeting; see {@link GreetingResponder} and {@link GreetingProtocol#POP3}. */
public final class Pop3Responder extends GreetingResponder {
    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public Pop3Responder() {
        super(GreetingProtocol.POP3);
    }
}
