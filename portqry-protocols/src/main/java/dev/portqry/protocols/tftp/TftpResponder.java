package dev.portqry.protocols.tftp;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PortQry's TFTP helper (UDP 69): a read request (RFC 1350) for a file that should not exist;
 * any TFTP reply, an ERROR or a DATA block, proves the port LISTENING. The server answers from
 * a new port, its transfer ID (RFC 1350 section 4), so this responder
 * {@linkplain #acceptsRepliesFromAnyPort() accepts replies from any port} of the target.
 *
 * <pre>{@code
 * PortStatus st = probe.probe("10.0.0.5", Protocol.UDP, 69).join();
 * st.result(TftpResult.class).flatMap(TftpResult::error).ifPresent(e -> System.out.println(e.message()));
 * }</pre>
 *
 * <p>When the file exists the server starts sending it; this client does not acknowledge, and
 * the server gives up after its own retries.
 */
public final class TftpResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "tftp";
    /** Protocol name in decode errors. */
    public static final String PROTOCOL = "TFTP";
    /**
     * The file name to ask for; empty (the default) asks for {@code portqry-probe-<random hex>.txt},
     * a name that should not exist.
     */
    public static final ResponderSetting<String> FILE_NAME = ResponderSetting.of("tftp.fileName", String.class, "",
            n -> n.isEmpty() || TftpReadRequest.isValidFileName(n), "empty or 1-512 printable ASCII characters without spaces");

    /** Creates the responder (also used by {@link java.util.ServiceLoader}). */
    public TftpResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return PROTOCOL;
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.udp(69));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("tftp");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    /** @return true: a TFTP server answers from its new transfer port */
    @Override
    public boolean acceptsRepliesFromAnyPort() {
        return true;
    }

    @Override
    public Conversation open(ConversationContext context) {
        String name = context.setting(FILE_NAME);
        if (name.isEmpty()) {
            name = "portqry-probe-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".txt";
        }
        return new TftpConversation(context, new TftpReadRequest(name, TftpReadRequest.OCTET));
    }
}
