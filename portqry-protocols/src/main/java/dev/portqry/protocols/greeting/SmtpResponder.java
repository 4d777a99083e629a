package dev.portqry.protocols.greeting;

/** Reads the SMTP greeting; see {@link GreetingResponder} and {@link GreetingProtocol#SMTP}. */
public final class SmtpResponder extends GreetingResponder {
    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public SmtpResponder() {
        super(GreetingProtocol.SMTP);
    }
}
