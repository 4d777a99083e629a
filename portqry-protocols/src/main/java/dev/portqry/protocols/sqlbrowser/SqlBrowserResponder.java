package dev.portqry.protocols.sqlbrowser;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.protocols.sqlbrowser.internal.SqlBrowserRequest;
import java.util.Set;

/**
 * The SQL Server Browser on UDP 1434 (MC-SQLR): a CLNT_UCAST_EX instance enumeration (or a
 * CLNT_UCAST_INST question about {@link #INSTANCE}), answered by an SVR_RESP listing each
 * instance's name, version and endpoints. The typed result is a {@link SqlBrowserResult}.
 * The protocol has no request ID: on the probe's connected socket only the server can answer.
 */
public final class SqlBrowserResponder implements ProtocolResponder {
    /** The responder's name, as {@link #name()} returns it and {@code ResponderSelection.forced} takes it. */
    public static final String NAME = "sqlbrowser";
    /** One instance to ask about; empty (the default) enumerates every instance. */
    public static final ResponderSetting<String> INSTANCE = ResponderSetting.of("sqlbrowser.instance", String.class, "",
            i -> i.trim().getBytes(SqlBrowserRequest.MBCS).length <= SqlBrowserRequest.MAX_INSTANCE_BYTES, "at most 32 bytes");

    /** Creates the responder; it is stateless. */
    public SqlBrowserResponder() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "SQL Server";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.udp(1434));
    }

    @Override
    public Set<String> serviceNames() {
        return Set.of("ms-sql-m");
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.UDP;
    }

    @Override
    public Conversation open(ConversationContext context) {
        String instance = context.setting(INSTANCE).trim();
        SqlBrowserRequest request = instance.isEmpty() ? SqlBrowserRequest.enumerate() : SqlBrowserRequest.instance(instance);
        return new SqlBrowserConversation(context, request);
    }
}
