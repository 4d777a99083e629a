package dev.portqry.protocols.greeting;

import java.util.Set;

/**
 * The four text protocols whose greeting PortQry reads: what port and service names select
 * each, and how each is ended politely.
 */
public enum GreetingProtocol {
    /** FTP, RFC 959: numeric replies, an anonymous logon attempt, {@code QUIT}. */
    FTP("ftp", "FTP", 21, Set.of("ftp"), "QUIT"),
    /** SMTP, RFC 5321: numeric replies with {@code 220-} continuation lines, {@code QUIT}. */
    SMTP("smtp", "SMTP", 25, Set.of("smtp"), "QUIT"),
    /** POP3, RFC 1939: one {@code +OK} or {@code -ERR} line, {@code QUIT}. */
    POP3("pop3", "POP3", 110, Set.of("pop3", "pop-3"), "QUIT"),
    /** IMAP4, RFC 9051 / 3501: one untagged {@code * OK} line, {@code LOGOUT}. */
    IMAP("imap", "IMAP", 143, Set.of("imap", "imap2", "imap4"), "a1 LOGOUT");

    private final String responderName;
    private final String displayName;
    private final int port;
    private final Set<String> serviceNames;
    private final String farewell;

    GreetingProtocol(String responderName, String displayName, int port, Set<String> serviceNames, String farewell) {
        this.responderName = responderName;
        this.displayName = displayName;
        this.port = port;
        this.serviceNames = serviceNames;
        this.farewell = farewell;
    }

    /** @return the responder name, e.g. {@code smtp} */
    public String responderName() {
        return responderName;
    }

    /** @return the name PortQry prints, e.g. {@code SMTP} */
    public String displayName() {
        return displayName;
    }

    /** @return the well-known TCP port */
    public int port() {
        return port;
    }

    /** @return the services-file names that select this protocol on another port */
    public Set<String> serviceNames() {
        return serviceNames;
    }

    /** @return the command that ends a session, without the line end */
    public String farewell() {
        return farewell;
    }
}
