package dev.portqry.protocols.netbios;

import dev.portqry.core.SafeText;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.netbios.internal.NetBiosWireName;
import dev.portqry.protocols.netbios.internal.NodeStatusRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * NODE STATUS RESPONSE (RFC 1002 4.2.18): the node's name table and its unit ID, the MAC
 * address PortQry prints. Immutable.
 *
 * @param transactionId the echoed NAME_TRN_ID
 * @param names the name table, in the order sent
 * @param macAddress the unit ID: 12 lower-case hex digits without separators, as PortQry prints it
 */
public record NodeStatusResult(int transactionId, List<NetBiosName> names, String macAddress) implements ResponderResult {
    private static final String PROTO = "NetBIOS";
    private static final int HEADER_BYTES = 12;
    /** NAME (15 bytes) + suffix + NAME_FLAGS (2 bytes). */
    private static final int ENTRY_BYTES = 18;
    private static final int UNIT_ID_BYTES = 6;
    private static final int RESPONSE_BIT = 0x8000;
    private static final int RCODE_MASK = 0x000f;

    /** Copies the list and checks that nothing is null. */
    public NodeStatusResult {
        names = List.copyOf(names);
        Objects.requireNonNull(macAddress, "macAddress");
    }

    /**
     * @param in a datagram
     * @return its transaction ID, or -1 when it is too short to have one
     */
    static int peekTransactionId(ByteBuf in) {
        return in.readableBytes() >= 2 ? in.getUnsignedShort(in.readerIndex()) : -1;
    }

    /**
     * Decodes a node status response; every count and length is checked against the bytes.
     *
     * @param in the datagram, not null; read to the end of the resource record
     * @param maxEntries the cap on names kept
     * @return the response
     * @throws ProtocolDecodeException when the bytes are not a well-formed node status response
     */
    public static NodeStatusResult decode(ByteBuf in, int maxEntries) {
        ProtocolDecodeException.check(in.readableBytes() >= HEADER_BYTES, PROTO,
                "reply of %d bytes is shorter than the %d-byte header", in.readableBytes(), HEADER_BYTES);
        int id = in.readUnsignedShort();
        int flags = in.readUnsignedShort();
        ProtocolDecodeException.check((flags & RESPONSE_BIT) != 0, PROTO, "not a response (flags 0x%04x)", flags);
        ProtocolDecodeException.check((flags & RCODE_MASK) == 0, PROTO, "error response, RCODE %d", flags & RCODE_MASK);
        in.skipBytes(2);                                  // QDCOUNT: 0 in a response
        int answers = in.readUnsignedShort();
        ProtocolDecodeException.check(answers == 1, PROTO, "response carries %d answers, expected 1", answers);
        in.skipBytes(4);                                  // NSCOUNT, ARCOUNT
        NetBiosWireName.skip(in);
        ProtocolDecodeException.check(in.readableBytes() >= 10, PROTO, "reply ends inside the resource record header");
        int type = in.readUnsignedShort();
        ProtocolDecodeException.check(type == NodeStatusRequest.TYPE_NBSTAT, PROTO, "RR_TYPE 0x%04x is not NBSTAT", type);
        in.skipBytes(6);                                  // RR_CLASS, TTL
        int rdLength = in.readUnsignedShort();
        ProtocolDecodeException.check(rdLength <= in.readableBytes(), PROTO,
                "RDLENGTH %d but only %d bytes follow", rdLength, in.readableBytes());
        ByteBuf rdata = in.readSlice(rdLength);
        ProtocolDecodeException.check(rdata.isReadable(), PROTO, "empty RDATA");
        int count = rdata.readUnsignedByte();
        ProtocolDecodeException.check(count <= maxEntries, PROTO, "%d names exceed the cap of %d", count, maxEntries);
        ProtocolDecodeException.check(rdata.readableBytes() >= count * ENTRY_BYTES + UNIT_ID_BYTES, PROTO,
                "RDATA of %d bytes cannot hold %d names and the unit ID", rdLength, count);
        List<NetBiosName> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(readName(rdata));
        }
        // The STATISTICS after the unit ID hold counters nobody needs; some servers send garbage there.
        String mac = ByteBufUtil.hexDump(rdata, rdata.readerIndex(), UNIT_ID_BYTES);
        return new NodeStatusResult(id, names, mac);
    }

    private static NetBiosName readName(ByteBuf rdata) {
        byte[] raw = new byte[NetBiosWireName.NAME_BYTES - 1];
        rdata.readBytes(raw);
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == 0)) {
            end--;
        }
        // Names are OEM code page bytes; ISO-8859-1 maps each byte to one character and never fails.
        String name = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        int suffix = rdata.readUnsignedByte();
        return new NetBiosName(name, suffix, new NameFlags(rdata.readUnsignedShort()));
    }

    /**
     * @param name a NetBIOS name, any case
     * @return whether the table holds it (any suffix)
     */
    public boolean contains(String name) {
        return names.stream().anyMatch(n -> n.name().equalsIgnoreCase(name));
    }

    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>(names.size() + 2);
        lines.add("Server's response: MAC address " + macAddress);
        lines.add("NetBIOS name table (" + names.size() + (names.size() == 1 ? " name):" : " names):"));
        for (NetBiosName n : names) {
            lines.add("  " + n);
        }
        return lines.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        return SafeText.escape("MAC " + macAddress + (names.isEmpty() ? "" : ", " + names.get(0).name() + names.get(0).suffixText()));
    }
}
