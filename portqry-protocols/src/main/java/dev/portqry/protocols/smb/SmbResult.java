package dev.portqry.protocols.smb;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an SMB server answered: the SMB2 NEGOTIATE response (the normal case), an SMB1 reply
 * (a server that speaks only SMB1), or on TCP 139 a refused NetBIOS session.
 *
 * @param transport {@code direct TCP} (445, MS-SMB2 2.1) or {@code NetBIOS session} (139, RFC 1002)
 * @param session the NetBIOS session response on 139; empty on direct TCP
 * @param negotiate the SMB2 NEGOTIATE response, when the server sent one
 * @param smb1 the SMB1 NEGOTIATE response, when the server answered in SMB1 (it speaks nothing newer)
 */
public record SmbResult(String transport, Optional<NetbiosSessionResponse> session, Optional<Smb2NegotiateResponse> negotiate,
                        Optional<Smb1NegotiateResponse> smb1) implements ResponderResult {
    /** Checks for nulls. */
    public SmbResult {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(negotiate, "negotiate");
        Objects.requireNonNull(smb1, "smb1");
    }

    /** @return the chosen dialect, when the server negotiated SMB2 or later */
    public Optional<SmbDialect> dialect() {
        return negotiate.filter(n -> n.status().isSuccess()).map(Smb2NegotiateResponse::dialect);
    }

    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("SMB query response:");
        lines.add("Transport: " + transport);
        session.ifPresent(s -> lines.add("NetBIOS session: " + s));
        negotiate.ifPresent(n -> {
            if (!n.status().isSuccess()) {
                lines.add("SMB2 NEGOTIATE failed: " + n.status());
                return;
            }
            lines.add("Dialect: SMB " + n.dialect());
            lines.add("Signing: " + (n.signingRequired() ? "required" : n.signingEnabled() ? "enabled, not required" : "disabled"));
            lines.add("Server GUID: " + n.serverGuid());
            lines.add("Capabilities: " + (n.capabilities() == 0 ? "(none)" : String.join(", ", SmbCapabilities.names(n.capabilities()))));
            lines.add("Max transact/read/write size: " + n.maxTransactSize() + "/" + n.maxReadSize() + "/" + n.maxWriteSize());
            lines.add("Server time: " + n.systemTime().map(Object::toString).orElse("(not sent)"));
            lines.add("Boot time: " + n.bootTime().map(Object::toString).orElse("(not sent)"));
            lines.add("Security blob: " + n.securityBufferLength() + " bytes");
            n.contexts().forEach(c -> lines.add("Negotiate context: " + c));
        });
        smb1.ifPresent(s -> {
            lines.add("The server answered in SMB1: it does not speak SMB2 or later");
            if (!s.status().isSuccess()) {
                lines.add("SMB1 NEGOTIATE failed: " + s.status());
                return;
            }
            lines.add("Dialect: " + s.dialect());
            lines.add("Signing: " + (s.signingRequired() ? "required" : s.signingEnabled() ? "enabled, not required" : "disabled"));
            lines.add(String.format("Capabilities: 0x%08x", s.capabilities()));
            lines.add("Server time: " + s.systemTime().map(Object::toString).orElse("(not sent)"));
        });
        lines.add("==== End of SMB query response ====");
        return lines.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        if (smb1.isPresent()) {
            return "SMB1 only";
        }
        if (negotiate.isEmpty()) {
            return SafeText.escape(session.map(Object::toString).orElse(""));
        }
        Smb2NegotiateResponse n = negotiate.get();
        return n.status().isSuccess() ? "SMB " + n.dialect().name() + (n.signingRequired() ? " signing required" : " signing not required")
                : "NEGOTIATE " + n.status();
    }
}
