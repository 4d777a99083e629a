package dev.portqry.protocols.greeting;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a mail or FTP server said when a client connected, and for FTP how it answered
 * {@code USER anonymous}.
 *
 * @param protocol the protocol spoken, not null
 * @param lines the greeting's lines as received, without line ends; not null
 * @param status the status the greeting carries: the reply code for SMTP and FTP ({@code 220}),
 *               {@code +OK}/{@code -ERR} for POP3, {@code OK}/{@code PREAUTH}/{@code BYE} for IMAP
 * @param statusCode the numeric reply code for SMTP and FTP, empty for POP3 and IMAP
 * @param anonymousReply FTP's reply lines to {@code USER anonymous} (331, 230 or 530, ...); empty
 *                       for the other protocols or when the FTP greeting refused service
 * @param anonymousCode the code of {@code anonymousReply}, empty when there is none
 * @param truncated true when the line cap cut a reply short
 */
public record GreetingResult(GreetingProtocol protocol, List<String> lines, String status, OptionalInt statusCode,
                             List<String> anonymousReply, OptionalInt anonymousCode, boolean truncated)
        implements ResponderResult {

    /** PortQry's header line before the server's lines. */
    public static final String HEADER = "Data returned from port:";
    /** The command FTP sends after the greeting, as shown in the report. */
    public static final String ANONYMOUS_COMMAND = "USER anonymous";

    /** Copies the lists and checks for nulls. */
    public GreetingResult {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(anonymousCode, "anonymousCode");
        lines = List.copyOf(lines);
        anonymousReply = List.copyOf(anonymousReply);
    }

    /**
     * @return for FTP, whether the server accepted {@code USER anonymous} (230 logged in, or 331
     *         asking for the password); false otherwise
     */
    public boolean anonymousAccepted() {
        return anonymousCode.isPresent() && (anonymousCode.getAsInt() == 230 || anonymousCode.getAsInt() == 331);
    }

    /**
     * PortQry's section: {@code Data returned from port:} and the server's lines; for FTP then
     * {@code USER anonymous} and the server's answer.
     *
     * @return the lines, never null
     */
    @Override
    public List<String> reportLines() {
        List<String> out = new ArrayList<>();
        out.add(HEADER);
        out.addAll(lines);
        if (!anonymousReply.isEmpty()) {
            out.add(ANONYMOUS_COMMAND);
            out.addAll(anonymousReply);
        }
        if (truncated) {
            out.add("(reply cut after the line cap)");
        }
        return out.stream().map(SafeText::escape).toList();
    }

    /** @return the first greeting line, and for FTP the anonymous logon code */
    @Override
    public String summary() {
        String first = lines.isEmpty() ? "" : lines.get(0);
        return SafeText.escape(anonymousCode.isPresent() ? first + "; anonymous " + anonymousCode.getAsInt() : first);
    }
}
