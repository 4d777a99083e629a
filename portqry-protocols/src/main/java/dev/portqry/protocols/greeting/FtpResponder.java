package dev.portqry.protocols.greeting;

/** Reads the FTP greeting, then tries {@code USER anonymous}; see {@link GreetingResponder} and {@link GreetingProtocol#FTP}. */
public final class FtpResponder extends GreetingResponder {
    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public FtpResponder() {
        super(GreetingProtocol.FTP);
    }
}
