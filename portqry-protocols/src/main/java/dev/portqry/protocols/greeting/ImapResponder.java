package dev.portqry.protocols.greeting;

/** Reads the IMAP greeting; see {@link GreetingResponder} and {@link GreetingProtocol#IMAP}. */
public final class ImapResponder extends GreetingResponder {
    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public ImapResponder() {
        super(GreetingProtocol.IMAP);
    }
}
