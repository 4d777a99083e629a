package dev.portqry.protocols.ad;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.ldap.internal.LdapMessage;
import dev.portqry.protocols.ldap.internal.PartialAttribute;
import dev.portqry.protocols.ldap.internal.SearchResultDone;
import dev.portqry.protocols.ldap.internal.SearchResultEntry;
import io.netty.buffer.ByteBuf;

/**
 * The LDAP ping of MS-ADTS 6.3.3 over UDP: a rootDSE search with filter
 * {@code (&(DnsDomain=<domain>)(NtVer=\06\00\00\00))} for attribute {@code Netlogon}; the reply is
 * one datagram with the entry and SearchResultDone.
 */
final class NetlogonPingConversation implements Conversation {
    /** NETLOGON_NT_VERSION_5 | NETLOGON_NT_VERSION_5EX: ask for NETLOGON_SAM_LOGON_RESPONSE_EX. */
    static final int NT_VERSION = 0x6;
    private static final BerTag AND = BerTag.context(0, true);
    private static final BerTag EQUALITY = BerTag.context(3, true);
    private static final BerTag SEARCH_REQUEST = BerTag.application(3, true);

    private final ConversationContext ctx;
    private final int messageId;
    private final String domain;
    private byte[] netlogon;

    NetlogonPingConversation(ConversationContext ctx, int messageId, String domain) {
        this.ctx = ctx;
        this.messageId = messageId;
        this.domain = domain;
    }

    /**
     * @param messageId the LDAP messageID, 1 or more
     * @param domain the DnsDomain to ask about, empty for none
     * @return the encoded LDAPMessage
     */
    static byte[] request(int messageId, String domain) {
        byte[] ntVer = {NT_VERSION, 0, 0, 0};
        BerWriter w = new BerWriter().startSequence().writeInteger(messageId).start(SEARCH_REQUEST)
                .writeUtf8("").writeEnumerated(0).writeEnumerated(0).writeInteger(0).writeInteger(0).writeBoolean(false)
                .start(AND);
        if (!domain.isEmpty()) {
            w.start(EQUALITY).writeUtf8("DnsDomain").writeUtf8(domain).end();
        }
        w.start(EQUALITY).writeUtf8("NtVer").writeOctetString(ntVer).end();
        return w.end().startSequence().writeUtf8("Netlogon").end().end().end().toByteArray();
    }

    @Override
    public ByteBuf start() {
        return ctx.alloc().buffer().writeBytes(request(messageId, domain));
    }

    @Override
    public Step onReceive(ByteBuf in) {
        try {
            BerReader r = BerReader.of(in, LdapMessage.PROTOCOL, BerLimits.DEFAULT.withMaxLength(ctx.options().maxReplyBytes()));
            while (r.hasRemaining()) {
                LdapMessage m = LdapMessage.decode(r, ctx.options().maxEntries());
                if (m.messageId() != messageId) {
                    return Step.needMore();
                }
                if (m.op() instanceof SearchResultEntry e) {
                    for (PartialAttribute a : e.attributes()) {
                        if (a.type().equalsIgnoreCase("Netlogon") && !a.rawValues().isEmpty()) {
                            netlogon = a.rawValues().get(0);
                        }
                    }
                } else if (m.op() instanceof SearchResultDone done) {
                    ProtocolDecodeException.check(netlogon != null, LdapMessage.PROTOCOL,
                            "no Netlogon attribute in the reply (result %s)", done.resultCode());
                    return Step.done(new NetlogonPingResult(domain, NetlogonSamLogonResponseEx.decode(netlogon)));
                }
            }
            return Step.needMore();
        } catch (RuntimeException e) {
            throw ProtocolDecodeException.wrap(LdapMessage.PROTOCOL, e);
        }
    }
}
