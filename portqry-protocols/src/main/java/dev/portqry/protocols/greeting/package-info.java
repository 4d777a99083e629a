/**
 * Greetings of text protocols (PortQry's SMTP, POP3, IMAP4 and FTP helpers): read what the
 * server says on connect; FTP also tries an anonymous logon. Start with
 * {@link dev.portqry.protocols.greeting.GreetingResponder}.
 */
package dev.portqry.protocols.greeting;
