package dev.portqry.protocols.greeting;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the greeting a text-protocol server sends on connect (PortQry's {@code Data returned
 * from port:}) within the engine's responder deadline, {@link dev.portqry.core.ProbeOptions#maxReplyBytes()}
 * and {@link #MAX_LINES}. One subclass per protocol, so that each has its own name and can be
 * forced onto any port:
 *
 * <pre>{@code
 * ProbeOptions opts = ProbeOptions.builder()
 *         .responder(ResponderSelection.forced("smtp"))
 *         .set(GreetingResponder.MAX_LINES, 20)
 *         .build();
 * PortStatus st = probe.probe("mail.example.test", Protocol.TCP, 2525, opts).join();
 * st.result(GreetingResult.class).ifPresent(g -> System.out.println(g.lines()));
 * }</pre>
 */
public abstract class GreetingResponder implements ProtocolResponder {
    /** The most lines kept of one reply (a multi-line SMTP or FTP banner): default 50, at least 1. */
    public static final ResponderSetting<Integer> MAX_LINES = ResponderSetting.of("greeting.maxLines", Integer.class, 50, n -> n >= 1, "at least 1");

    private final GreetingProtocol protocol;

    /**
     * @param protocol the protocol this responder speaks, not null
     */
    protected GreetingResponder(GreetingProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /** @return the protocol this responder speaks */
    public GreetingProtocol protocol() {
        return protocol;
    }

    @Override
    public String name() {
        return protocol.responderName();
    }

    @Override
    public String displayName() {
        return protocol.displayName();
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(protocol.port()));
    }

    @Override
    public Set<String> serviceNames() {
        return protocol.serviceNames();
    }

    @Override
    public boolean supports(Protocol p) {
        return p == Protocol.TCP;
    }

    @Override
    public String queryBanner(Protocol p, int port) {
        return "Reading the " + protocol.displayName() + " greeting from " + p + " port " + port + "...";
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new GreetingConversation(context, protocol, context.setting(MAX_LINES));
    }
}
