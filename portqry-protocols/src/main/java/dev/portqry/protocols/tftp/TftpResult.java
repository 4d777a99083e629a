package dev.portqry.protocols.tftp;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TFTP server's answer to a read request: an ERROR (usually 1, File not found, for the
 * made-up name this probe asks for) or the first DATA block when the file exists.
 *
 * @param request the read request sent, not null
 * @param reply the server's answer, a {@link TftpError} or {@link TftpData}; not null
 */
public record TftpResult(TftpReadRequest request, TftpPacket reply) implements ResponderResult {

    /** Checks for nulls. */
    public TftpResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reply, "reply");
    }

    /** @return the reply's opcode */
    public TftpOpcode opcode() {
        return reply.opcode();
    }

    /** @return the error when the server refused the read */
    public Optional<TftpError> error() {
        return reply instanceof TftpError e ? Optional.of(e) : Optional.empty();
    }

    /** @return true when the server started sending the file */
    public boolean fileExists() {
        return reply instanceof TftpData;
    }

    /** @return PortQry-style section: what was asked, the opcode, and the error or the block */
    @Override
    public List<String> reportLines() {
        List<String> out = new ArrayList<>();
        out.add("TFTP query response:");
        out.add("Requested file: " + request.fileName() + " (mode " + request.mode() + ")");
        out.add("Opcode: " + reply.opcode());
        if (reply instanceof TftpError e) {
            out.add("Error code: " + e.code());
            out.add("Error message: " + e.message());
        } else if (reply instanceof TftpData d) {
            out.add("Block " + d.block() + ": " + d.data().length + " bytes (the file exists and is readable)");
        }
        out.add("======== End of TFTP query response ========");
        return out.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        return SafeText.escape(error().map(e -> "TFTP error " + e.code().code() + ": " + e.message())
                .orElse("TFTP " + reply));
    }
}
