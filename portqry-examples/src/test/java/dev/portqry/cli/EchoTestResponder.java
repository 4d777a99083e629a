package dev.portqry.cli;

import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A responder the CLI knows nothing about: sends {@code ping}, accepts a reply starting with
 * {@code pong}, rejects anything else as undecodable, and reads a setting named like SNMP's
 * community so that {@code -cn} can be checked without the SNMP responder.
 */
public final class EchoTestResponder implements ProtocolResponder {
    /** Found by name through {@link ProtocolResponder#settings()}. */
    public static final ResponderSetting<String> COMMUNITY = ResponderSetting.of("snmp.community", String.class, "public");

    private final int port;

    EchoTestResponder(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String displayName() {
        return "ECHO";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.udp(port));
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    @Override
    public boolean usesEphemeralSourcePort(Protocol protocol) {
        return true;
    }

    @Override
    public Conversation open(ConversationContext context) {
        String community = context.setting(COMMUNITY);
        return new Conversation() {
            @Override
            public ByteBuf start() {
                return Unpooled.copiedBuffer("ping", StandardCharsets.US_ASCII);
            }

            @Override
            public Step onReceive(ByteBuf in) {
                String text = in.toString(StandardCharsets.US_ASCII);
                if (!text.startsWith("pong")) {
                    throw new ProtocolDecodeException("echo", "reply does not start with pong");
                }
                return Step.done(new EchoResult(community, text, List.of("a", "b")));
            }
        };
    }

    /**
     * @param community the community the query used
     * @param reply the reply text
     * @param values a list, to check JSON arrays
     */
    public record EchoResult(String community, String reply, List<String> values) implements ResponderResult {
        @Override
        public List<String> reportLines() {
            return List.of("ECHO query response:", "community: " + community, "reply: " + reply,
                    "======== End of ECHO query response ========");
        }
    }
}
