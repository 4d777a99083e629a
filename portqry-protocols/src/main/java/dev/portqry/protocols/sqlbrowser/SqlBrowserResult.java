package dev.portqry.protocols.sqlbrowser;

import dev.portqry.core.SafeText;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.sqlbrowser.internal.SqlBrowserRequest;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SVR_RESP (MC-SQLR 2.2.5): 0x05, RESP_SIZE (16-bit little-endian), then RESP_DATA, a string of
 * {@code key;value;} pairs per instance, each instance ending with an empty key ({@code ;;}).
 * Immutable.
 *
 * @param instances the instances, in the order sent
 */
public record SqlBrowserResult(List<SqlServerInstance> instances) implements ResponderResult {
    /** The SVR_RESP type byte. */
    public static final int SVR_RESP = 0x05;
    private static final String PROTO = "SQL Server";

    /** Copies the list. */
    public SqlBrowserResult {
        instances = List.copyOf(instances);
    }

    /**
     * @param in the datagram, not null
     * @param maxEntries the cap on instances
     * @return the response
     * @throws ProtocolDecodeException when the bytes are not an SVR_RESP
     */
    public static SqlBrowserResult decode(ByteBuf in, int maxEntries) {
        ProtocolDecodeException.check(in.readableBytes() >= 3, PROTO, "reply of %d bytes is shorter than the SVR_RESP header",
                in.readableBytes());
        int type = in.readUnsignedByte();
        ProtocolDecodeException.check(type == SVR_RESP, PROTO, "reply type 0x%02x is not SVR_RESP", type);
        int size = in.readUnsignedShortLE();
        ProtocolDecodeException.check(size == in.readableBytes(), PROTO, "RESP_SIZE %d but %d bytes follow", size, in.readableBytes());
        String data = in.readCharSequence(size, SqlBrowserRequest.MBCS).toString();
        ProtocolDecodeException.check(data.endsWith(";;"), PROTO, "RESP_DATA does not end with ;;");
        String[] tokens = data.split(";", -1);
        // The data ends with ";;", so the split ends with two empty tokens: the end marker and nothing after it.
        List<SqlServerInstance> instances = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (int i = 0; i < tokens.length - 1; i++) {
            String key = tokens[i];
            if (key.isEmpty()) {
                ProtocolDecodeException.check(!current.isEmpty(), PROTO, "empty instance in RESP_DATA");
                ProtocolDecodeException.check(instances.size() < maxEntries, PROTO, "more than %d instances", maxEntries);
                instances.add(new SqlServerInstance(current));
                current = new LinkedHashMap<>();
                continue;
            }
            ProtocolDecodeException.check(i + 1 < tokens.length - 1, PROTO, "key %s has no value", SafeText.escape(key));
            current.putIfAbsent(key, tokens[++i]);
        }
        ProtocolDecodeException.check(current.isEmpty(), PROTO, "last instance is not terminated by ;;");
        return new SqlBrowserResult(instances);
    }

    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Server's response:");
        for (SqlServerInstance instance : instances) {
            lines.add("");
            instance.properties().forEach((k, v) -> lines.add(k + " " + v));
        }
        lines.add("");
        lines.add("==== End of SQL Server query response ====");
        return lines.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        return SafeText.escape(instances.size() + (instances.size() == 1 ? " instance" : " instances")
                + (instances.isEmpty() ? "" : ", first " + instances.get(0).serverName() + "\\" + instances.get(0).instanceName()));
    }
}
