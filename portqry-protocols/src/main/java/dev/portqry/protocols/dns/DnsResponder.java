package dev.portqry.protocols.dns;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import java.util.Set;

/**
 * DNS on TCP and UDP 53: sends one query with recursion-desired clear, so the server answers
 * from what it holds itself and never forwards the question past itself; any answer, positive
 * or negative, proves the port is LISTENING. The typed result is a {@link DnsResult}.
 *
 * <p>The question is {@link #QUERY_NAME} and {@link #QUERY_TYPE}: by default PortQry's own question,
 * {@code portqry.microsoft.com} A. With {@link #QUERY_NAME} set empty, the target's own name with type
 * A when the caller gave a name, else the root zone {@code .} NS (answered from root hints, or
 * refused: either proves a DNS server).
 *
 * <pre>{@code
 * ProbeOptions opts = ProbeOptions.builder().set(DnsResponder.QUERY_NAME, "dc1.corp.example.test").build();
 * probe.probe(dc, Protocol.UDP, 53, opts).join().result(DnsResult.class)
 *      .ifPresent(a -> a.answers().forEach(System.out::println));
 * }</pre>
 */
public final class DnsResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "dns";
    /** PortQry's question (KB 832919): {@code portqry.microsoft.com}, type A. */
    public static final String PORTQRY_QUESTION = "portqry.microsoft.com";
    /**
     * The name to ask for; the default is PortQry's {@link #PORTQRY_QUESTION} (asked with
     * recursion-desired clear, so the server answers from what it holds, usually a referral or
     * a negative answer, and never asks further); empty picks the target name, else the root zone.
     */
    public static final ResponderSetting<String> QUERY_NAME = ResponderSetting.of("dns.name", String.class, PORTQRY_QUESTION);
    /**
     * The record type to ask for, a mnemonic ({@code A}, {@code SOA}, {@code SRV}...) or a
     * number; empty (the default) means A for a name and NS for the root zone.
     */
    public static final ResponderSetting<String> QUERY_TYPE = ResponderSetting.of("dns.type", String.class, "", DnsQuestionChoice::isTypeOrEmpty, "empty, a record type or 0-65535");

    /** Creates the responder; it is stateless. */
    public DnsResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "DNS";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(53), PortClaim.udp(53));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("domain");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return true;
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new DnsConversation(context, DnsQuestionChoice.choose(context));
    }
}
