package dev.portqry.ui;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A responder the UI knows nothing about: reads a server's greeting line (a {@link dev.portqry.testkit.LoopbackPeer} in the tests)
 * and returns a result shaped like the real ones (attribute lists like a rootDSE, a table of
 * endpoints like the endpoint mapper's, an absent optional), so the page's generic rendering
 * is exercised. Declares a setting named like SNMP's community.
 */
public final class DemoResponder implements ProtocolResponder {
    /** Found by name through {@link ProtocolResponder#settings()}. */
    public static final ResponderSetting<String> COMMUNITY = ResponderSetting.of("snmp.community", String.class, "public");

    private final int port;

    /** @param port the TCP port this responder claims */
    DemoResponder(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String displayName() {
        return "DEMO";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of(PortClaim.tcp(port));
    }

    @Override
    public boolean supports(Protocol protocol) {
        return protocol == Protocol.TCP;
    }

    @Override
    public Conversation open(ConversationContext context) {
        return new Conversation() {
            @Override
            public ByteBuf start() {
                return Unpooled.EMPTY_BUFFER; // the server speaks first
            }

            @Override
            public Step onReceive(ByteBuf in) {
                int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                if (eol < 0) {
                    return Step.needMore();
                }
                String line = in.readCharSequence(eol - in.readerIndex(), StandardCharsets.US_ASCII).toString().trim();
                in.skipBytes(1);
                if (!line.startsWith("220 ")) {
                    throw new ProtocolDecodeException("demo", "greeting does not start with 220");
                }
                return Step.done(DemoResult.of(line.substring(4)));
            }
        };
    }

    /**
     * @param banner the greeting's text
     * @param attributes name to values, like a rootDSE
     * @param endpoints rows, like endpoint-mapper entries
     * @param note absent on purpose
     */
    record DemoResult(String banner, Map<String, List<String>> attributes, List<Endpoint> endpoints, Optional<String> note)
            implements ResponderResult {
        static DemoResult of(String banner) {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("dnsHostName", List.of("dc1.corp.example.test"));
            attrs.put("supportedLDAPVersion", List.of("2", "3"));
            attrs.put("namingContexts", List.of("DC=corp,DC=example,DC=test", "CN=Configuration,DC=corp,DC=example,DC=test"));
            List<Endpoint> eps = new ArrayList<>();
            eps.add(new Endpoint("e1af8308-5d1f-11c9-91a4-08002b14a0fa", "RPC endpoint mapper", "ncacn_ip_tcp:127.0.0.1[135]", 135));
            eps.add(new Endpoint("12345778-1234-abcd-ef00-0123456789ab", "LSA", "ncacn_np:\\\\DC1[\\PIPE\\lsass]", 0));
            return new DemoResult(banner, attrs, eps, Optional.empty());
        }

        @Override
        public List<String> reportLines() {
            List<String> l = new ArrayList<>();
            l.add("DEMO query response:");
            l.add(banner);
            endpoints.forEach(e -> l.add("UUID: " + e.uuid() + " " + e.annotation()));
            l.add("======== End of DEMO query response ========");
            return l;
        }

        @Override
        public String summary() {
            return "greeting: " + banner;
        }
    }

    /**
     * @param uuid the interface
     * @param annotation its annotation
     * @param binding the string binding
     * @param port the TCP port, 0 for none
     */
    record Endpoint(String uuid, String annotation, String binding, int port) {
    }
}
