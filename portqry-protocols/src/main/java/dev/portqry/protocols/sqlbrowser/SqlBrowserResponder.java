package dev.portqry.protocols.sqlbrowser;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import java.util.Set;

/**
 * The SQL Server Browser on UDP 1434 (MC-SQLR): a CLNT_UCAST_EX instance enumeration (or a
 * CLNT_UCAST_INST question about {@link #INSTANCE}), answered by an SVR_RESP listing each
 * instance's name, version and endpoints. The typed result is a {@link SqlBrowserResponse}.
 * The protocol has no request ID: on the probe's connected socket only the server can answer.
 */
public final class SqlBrowserResponder implements ProtocolResponder {
    /** One instance to ask about; empty (the default) enumerates every instance. */
    public static final ResponderSetting<String> INSTANCE = ResponderSetting.of("sqlbrowser.instance", String.class, "");

    /** Creates the responder; it is stateless. */
    public SqlBrowserResponder() {
    }

    @Override
    public String name() {
        return "sqlbrowser";
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
        int maxEntries = context.options().maxEntries();
        return new Conversation() {
            @Override
            public ByteBuf start() {
                return request.encode(context.alloc());
            }

            @Override
            public Step onReceive(ByteBuf in) {
                return Step.done(SqlBrowserResponse.decode(in, maxEntries));
            }
        };
    }
}
